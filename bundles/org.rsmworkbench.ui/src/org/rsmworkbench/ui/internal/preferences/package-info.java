// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The RSM Workbench preference page, keys and defaults: refresh rates, changed-byte colour, default data format.
 * Not API.
 */
package org.rsmworkbench.ui.internal.preferences;
