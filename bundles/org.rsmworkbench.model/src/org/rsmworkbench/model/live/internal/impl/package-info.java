// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * Generated implementation classes of the live model. Not API: use the interfaces and {@code LiveFactory}.
 */
package org.rsmworkbench.model.live.internal.impl;
