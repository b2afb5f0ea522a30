// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.rsmapi;

/** {@code rsm_remote_cntlr_t}; use it only when {@code connectionState == Rsm.CONNECTION_ACTIVE}. */
public record RemoteController(int nodeId, String controllerName, long hwAddr, int connectionState) {
}
