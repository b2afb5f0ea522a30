// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching.internal;

import java.util.ServiceLoader;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;
import org.rsmworkbench.emulator.backend.DistributedBackend;

/**
 * Finds the distributed backend in the IDE: the {@link DistributedBackend} service that the distributed bundle registers
 * with {@link ServiceLoader}, looked up through that bundle's class loader. So this bundle needs neither ZooKeeper nor UCX
 * nor the distributed bundle to build or to run local clusters: it talks to the backend through the emulator's interface.
 */
public final class DistributedBackends {
    /** The bundle of the ZooKeeper and UCX backend. */
    public static final String BUNDLE = "org.rsmworkbench.distributed";

    private DistributedBackends() {
    }

    /** The backend, or an error that says what to install. */
    public static DistributedBackend find() throws CoreException {
        Bundle bundle = Platform.getBundle(BUNDLE);
        if (bundle == null) {
            throw missing("is not installed");
        }
        try {
            bundle.loadClass(DistributedBackend.class.getName()); // resolves the bundle when nothing has yet
        } catch (ClassNotFoundException | IllegalStateException e) {
            throw missing("cannot be resolved (" + e.getMessage() + ")");
        }
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        ClassLoader loader = wiring == null ? null : wiring.getClassLoader();
        if (loader == null) {
            throw missing("cannot be resolved");
        }
        return ServiceLoader.load(DistributedBackend.class, loader).findFirst().orElseThrow(() -> missing("registers no backend"));
    }

    private static CoreException missing(String problem) {
        return new CoreException(Status.error("A distributed cluster needs the RSM Workbench distributed backend, but bundle " + BUNDLE
                + " " + problem + ": install the feature \"RSM Workbench distributed backend (ZooKeeper, UCX)\", or choose a local cluster on the Hosts"
                + " tab."));
    }
}
