/** The "RSM" perspective and the "RSM Debug" arrangement for debug launches. Not API. */
package org.rsmworkbench.ui.internal.perspectives;
