/**
 * The "New RSM Cluster" wizard; its field checks are in
 * {@link org.rsmworkbench.model.editor.internal.wizard.NewClusterSettings}, which needs no display. Not API.
 */
package org.rsmworkbench.model.editor.internal.wizard;
