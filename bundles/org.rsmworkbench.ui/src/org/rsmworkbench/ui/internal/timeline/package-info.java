/**
 * The Timeline view: a recorded run ({@code .rsmtrace}) drawn on an SWT canvas from the headless
 * {@link org.rsmworkbench.core.trace.TimelineModel}; the Open Recording command; the selected event in the Properties view.
 */
package org.rsmworkbench.ui.internal.timeline;
