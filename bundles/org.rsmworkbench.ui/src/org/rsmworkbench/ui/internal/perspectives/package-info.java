/** The "RSM" perspective and the "RSM Debug" arrangement for debug launches. */
package org.rsmworkbench.ui.internal.perspectives;
