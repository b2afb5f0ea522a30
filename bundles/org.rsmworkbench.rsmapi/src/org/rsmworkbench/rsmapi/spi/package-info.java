/** The service interface through which {@code Rsm.open()} finds an RSM runtime. */
package org.rsmworkbench.rsmapi.spi;
