/** Programs that the emulator's tests run as node processes in JVMs of their own. */
package org.rsmworkbench.emulator.tests.nodes;
