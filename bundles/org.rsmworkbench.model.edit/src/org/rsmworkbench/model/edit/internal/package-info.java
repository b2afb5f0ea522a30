/**
 * The edit plug-in class (generated): resource locator of labels and icons. Not API.
 */
package org.rsmworkbench.model.edit.internal;
