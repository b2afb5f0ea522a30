/**
 * The Java binding of RSMAPI (librsm, man section 3RSM): interfaces, records, enums and constants
 * only. Semantics are those of librsm; every failing call throws {@link org.rsmworkbench.rsmapi.RsmException}.
 * Start with {@link org.rsmworkbench.rsmapi.Rsm#open()}.
 */
package org.rsmworkbench.rsmapi;
