// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.rsmapi.spi;

import java.util.Properties;

import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;

/**
 * Implemented by an RSM runtime (the emulator) and found with {@link java.util.ServiceLoader} by
 * {@link org.rsmworkbench.rsmapi.Rsm#open()}.
 */
public interface RsmLibraryProvider {
    /** Opens the library of the node process that the launcher's system properties describe. */
    RsmLibrary open(Properties launchProperties) throws RsmException;
}
