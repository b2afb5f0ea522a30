// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The Java binding of RSMAPI (librsm, man section 3RSM): interfaces, records, enums and constants
 * only. Semantics are those of librsm; every failing call throws {@link org.rsmworkbench.rsmapi.RsmException}.
 * Start with {@link org.rsmworkbench.rsmapi.Rsm#open()}.
 * API: the fixed Java contract of RSMAPI (JAVA-BINDING.md); it only grows.
 */
package org.rsmworkbench.rsmapi;
