// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.rsmapi;

import java.util.List;

/** {@code rsm_connections_t}: one local controller and the remote controllers linked to it. */
public record Connections(String controllerName, long localHwAddr, List<RemoteController> remotes) {
    public Connections {
        remotes = List.copyOf(remotes);
    }
}
