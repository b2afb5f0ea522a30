// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.rsmapi;

import java.util.ServiceLoader;

import org.rsmworkbench.rsmapi.spi.RsmLibraryProvider;

/** RSMAPI constants and the entry point of a node program. */
public final class Rsm {
    public static final int PERM_NONE = 0;
    public static final int PERM_READ = 0400;
    public static final int PERM_WRITE = 0200;
    public static final int PERM_RDWR = 0600;

    /** Export-create flags. */
    public static final int ALLOW_REBIND = 0x01;
    public static final int CREATE_SEG_DONTWAIT = 0x02;
    /** Documented by the man page but defined by no header: accepted and ignored. */
    public static final int LOCK_OPS = 0x04;

    /** Map attributes. */
    public static final int MAP_NONE = 0;
    public static final int MAP_FIXED = 1;

    /** Scatter/gather and signal-post flags. */
    public static final int IMPLICIT_SIGPOST = 0x01;
    public static final int SIGPOST_NO_ACCUMULATE = 0x02;

    public static final int MAX_SGIO_REQS = 16;
    public static final int CONNECTION_ACTIVE = 3;

    /** Direct-access size bits of {@link ControllerAttributes#directAccessSizes()}. */
    public static final int DAS8 = 1;
    public static final int DAS16 = 2;
    public static final int DAS32 = 4;
    public static final int DAS64 = 8;

    /** The system property that names the cluster directory of a node JVM. */
    public static final String PROPERTY_CLUSTER = "rsm.cluster";

    private Rsm() {
    }

    /**
     * The library of the node process that this JVM was launched as, from the system properties
     * that a launcher sets ({@code rsm.cluster}, {@code rsm.node}, {@code rsm.uid}, ...).
     *
     * @throws RsmException CTLR_NOT_PRESENT when this JVM was not launched as a node process
     */
    public static RsmLibrary open() throws RsmException {
        if (System.getProperty(PROPERTY_CLUSTER) == null) {
            throw new RsmException(RsmError.CTLR_NOT_PRESENT,
                    "this JVM is not a node of an emulated RSM cluster (system property rsm.cluster is not set): "
                            + "launch it as an \"RSM Cluster Application\", with the rsm-launch command line, "
                            + "or with the options of EmulatedCluster.processArguments(node, credentials)");
        }
        RsmLibraryProvider provider = findProvider(Thread.currentThread().getContextClassLoader());
        if (provider == null) {
            provider = findProvider(Rsm.class.getClassLoader());
        }
        if (provider == null) {
            throw new RsmException(RsmError.CTLR_NOT_PRESENT,
                    "no RSM runtime found: put the org.rsmworkbench.emulator jar on the class path");
        }
        return provider.open(System.getProperties());
    }

    private static RsmLibraryProvider findProvider(ClassLoader loader) {
        return ServiceLoader.load(RsmLibraryProvider.class, loader).findFirst().orElse(null);
    }
}
