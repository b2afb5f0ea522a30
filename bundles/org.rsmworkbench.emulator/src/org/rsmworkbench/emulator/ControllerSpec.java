// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator;

import java.util.Objects;

import org.rsmworkbench.rsmapi.ControllerAttributes;
import org.rsmworkbench.rsmapi.Rsm;

/** A controller (adapter) of an emulated node: its name {@code <type><unit>} and attributes. */
public record ControllerSpec(String name, ControllerAttributes attributes) {
    /** The attributes of an "emu0" controller of {@link ClusterSpec#fullyConnected(int)}. */
    public static final ControllerAttributes DEFAULT_ATTRIBUTES = new ControllerAttributes(
            Rsm.DAS8 | Rsm.DAS16 | Rsm.DAS32 | Rsm.DAS64, 0, 4096, 1L << 30, 8L << 30, 4095, 1L << 30, 8L << 30, 4095);

    public ControllerSpec {
        Objects.requireNonNull(name, "controller name");
        Objects.requireNonNull(attributes, "controller attributes");
    }
}
