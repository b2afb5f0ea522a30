/**
 * The emulator's implementation of RSMAPI: the shared registry ({@link org.rsmworkbench.emulator.internal.Registry}),
 * the per-JVM attachment to a cluster ({@link org.rsmworkbench.emulator.internal.ClusterRuntime}), and the
 * handles of one emulated process. Not API: friends (model, views) may read the registry.
 */
package org.rsmworkbench.emulator.internal;
