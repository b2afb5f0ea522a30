// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * Generated utilities of the live model: switch and adapter factory. API (provisional until 1.0).
 */
package org.rsmworkbench.model.live.util;
