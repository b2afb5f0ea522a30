/**
 * Generated utilities of the live model: switch and adapter factory.
 */
package org.rsmworkbench.model.live.util;
