// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/** The service interface through which {@code Rsm.open()} finds an RSM runtime. API: implemented by the emulator. */
package org.rsmworkbench.rsmapi.spi;
