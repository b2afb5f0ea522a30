/** The RSM Workbench preference page, keys and defaults: refresh rates, changed-byte colour, default data format. */
package org.rsmworkbench.ui.internal.preferences;
