/**
 * The "New RSM Cluster" wizard; its field checks are in
 * {@link org.rsmworkbench.model.editor.internal.wizard.NewClusterSettings}, which needs no display.
 */
package org.rsmworkbench.model.editor.internal.wizard;
