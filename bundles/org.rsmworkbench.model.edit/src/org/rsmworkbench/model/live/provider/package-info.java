// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * EMF.Edit item providers of the live model (generated), for views of a running cluster. API (provisional until 1.0).
 */
package org.rsmworkbench.model.live.provider;
