/** The service interface through which {@code Rsm.open()} finds an RSM runtime. API: implemented by the emulator. */
package org.rsmworkbench.rsmapi.spi;
