/**
 * The local multi-node RSM emulator: {@link org.rsmworkbench.emulator.EmulatedCluster} starts or joins a
 * cluster whose nodes are processes of this JVM or of other JVMs, sharing state through mapped files in
 * the cluster directory; {@link org.rsmworkbench.emulator.ClusterSpec} says what the cluster is made of.
 */
package org.rsmworkbench.emulator;
