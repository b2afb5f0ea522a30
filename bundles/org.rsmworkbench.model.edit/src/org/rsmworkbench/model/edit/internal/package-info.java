// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The edit plug-in class (generated): resource locator of labels and icons. Not API.
 */
package org.rsmworkbench.model.edit.internal;
