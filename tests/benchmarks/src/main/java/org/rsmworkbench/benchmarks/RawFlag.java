// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.lang.invoke.VarHandle;
import java.lang.foreign.ValueLayout;

/**
 * The access to an int of a mapping that raw baselines spin on. Public, in a class of its own: a node program that
 * {@link ProgramFolder} copied under another name reaches it in the benchmarks jar, which node JVMs run with.
 */
public final class RawFlag {
    /** A static final handle, which the JIT inlines as a constant, as it does the runtime's own. */
    public static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    private RawFlag() {
    }
}
