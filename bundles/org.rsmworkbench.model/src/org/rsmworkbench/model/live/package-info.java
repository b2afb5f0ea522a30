// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The live state of a running emulated cluster (generated from model/live.ecore): nodes, processes,
 * export segments and import connections, kept up to date by {@code LiveClusterRefresher}. API (provisional until 1.0).
 */
package org.rsmworkbench.model.live;
