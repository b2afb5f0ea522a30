// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator;

import java.util.List;
import java.util.Objects;

/** A node of an emulated cluster; the "loopback" controller is implied and not listed. */
public record NodeSpec(int id, String hostname, List<ControllerSpec> controllers) {
    public NodeSpec {
        Objects.requireNonNull(hostname, "hostname");
        controllers = List.copyOf(controllers);
    }
}
