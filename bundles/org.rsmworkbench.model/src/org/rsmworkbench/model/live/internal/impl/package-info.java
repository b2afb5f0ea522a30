/**
 * Generated implementation classes of the live model. Not API: use the interfaces and {@code LiveFactory}.
 */
package org.rsmworkbench.model.live.internal.impl;
