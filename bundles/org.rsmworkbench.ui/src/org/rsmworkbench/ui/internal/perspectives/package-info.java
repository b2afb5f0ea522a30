// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/** The "RSM" perspective and the "RSM Debug" arrangement for debug launches. Not API. */
package org.rsmworkbench.ui.internal.perspectives;
