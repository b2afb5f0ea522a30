// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.debug;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.resources.IMarkerDelta;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.IMemoryBlockManager;
import org.eclipse.debug.core.model.DebugElement;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IMemoryBlock;
import org.eclipse.debug.core.model.IMemoryBlockExtension;
import org.eclipse.debug.core.model.IMemoryBlockRetrievalExtension;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IThread;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.SegmentView;

/**
 * The emulated cluster of a debug launch, as a debug target beside the node JVMs' targets: it has no
 * threads; selecting it lets the Memory view add monitors on segments ({@code node:segment[+offset]}).
 * The cluster never suspends, so the target polls its blocks (from their first read until they are
 * disposed) every {@link #POLL_MILLIS} ms, and a block whose bytes changed tells its renderings to reload.
 */
public final class ClusterDebugTarget extends DebugElement implements IDebugTarget, IMemoryBlockRetrievalExtension {
    /** The debug model of RSM memory: blocks and this target. */
    public static final String MODEL_ID = "org.rsmworkbench.core.debug";

    /** How often the blocks look for changed bytes. */
    public static final long POLL_MILLIS = 200;

    private final ILaunch launch;
    private final EmulatedCluster cluster;
    private volatile boolean terminated;
    private final Set<SegmentMemoryBlock> watched = new CopyOnWriteArraySet<>();
    private ScheduledExecutorService poller;

    public ClusterDebugTarget(ILaunch launch, EmulatedCluster cluster) {
        super(null);
        this.launch = launch;
        this.cluster = cluster;
    }

    public EmulatedCluster cluster() {
        return cluster;
    }

    @Override
    public String getModelIdentifier() {
        return MODEL_ID;
    }

    @Override
    public IDebugTarget getDebugTarget() {
        return this;
    }

    @Override
    public ILaunch getLaunch() {
        return launch;
    }

    @Override
    public String getName() {
        return "Cluster " + cluster.spec().name() + " (segments: Memory view, node:segment[+offset])";
    }

    @Override
    public IProcess getProcess() {
        return null;
    }

    @Override
    public IThread[] getThreads() {
        return new IThread[0];
    }

    @Override
    public boolean hasThreads() {
        return false;
    }

    @Override
    public boolean supportsBreakpoint(IBreakpoint breakpoint) {
        return false;
    }

    @Override
    public boolean supportsStorageRetrieval() {
        return true;
    }

    @Override
    public IMemoryBlock getMemoryBlock(long startAddress, long length) throws DebugException {
        throw new DebugException(new Status(IStatus.ERROR, MODEL_ID, DebugException.NOT_SUPPORTED,
                "name a segment: node:segment[+offset], e.g. 1:0x400000+0x40", null));
    }

    @Override
    public IMemoryBlockExtension getExtendedMemoryBlock(String expression, Object context) throws DebugException {
        if (terminated) {
            throw error("the cluster of this launch has stopped");
        }
        SegmentExpression parsed;
        SegmentView view;
        try {
            parsed = SegmentExpression.parse(expression);
            view = parsed.open(cluster);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
        return new SegmentMemoryBlock(this, parsed, view);
    }

    /** Polls the block until {@link #unwatch(SegmentMemoryBlock)}. */
    synchronized void watch(SegmentMemoryBlock block) {
        if (terminated) {
            return;
        }
        watched.add(block);
        if (poller == null) {
            poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("rsm-memory-blocks").factory());
            poller.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    synchronized void unwatch(SegmentMemoryBlock block) {
        watched.remove(block);
        if (watched.isEmpty()) {
            stopPolling();
        }
    }

    private void stopPolling() {
        if (poller != null) {
            poller.shutdown();
            poller = null;
        }
    }

    private void poll() {
        for (SegmentMemoryBlock block : watched) {
            try {
                block.poll();
            } catch (RuntimeException e) {
                // a block whose segment went away mid-read: the next read reports it
            }
        }
    }

    static DebugException error(String message) {
        return new DebugException(new Status(IStatus.ERROR, MODEL_ID, DebugException.REQUEST_FAILED, message, null));
    }

    @Override
    public boolean canTerminate() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return terminated;
    }

    /** The launch ended: no more blocks. */
    public void clusterStopped() {
        synchronized (this) {
            terminated = true;
            watched.clear();
            stopPolling();
        }
        fireTerminateEvent();
        DebugPlugin plugin = DebugPlugin.getDefault();
        if (plugin != null) { // null once the debug platform has stopped: the IDE is exiting, its blocks are gone
            IMemoryBlockManager blocks = plugin.getMemoryBlockManager();
            blocks.removeMemoryBlocks(blocks.getMemoryBlocks(this));
        }
    }

    @Override
    public void terminate() throws DebugException {
        throw error("terminate the launch to stop the cluster");
    }

    @Override
    public boolean canResume() {
        return false;
    }

    @Override
    public boolean canSuspend() {
        return false;
    }

    @Override
    public boolean isSuspended() {
        return false;
    }

    @Override
    public void resume() {
    }

    @Override
    public void suspend() {
    }

    @Override
    public void breakpointAdded(IBreakpoint breakpoint) {
    }

    @Override
    public void breakpointRemoved(IBreakpoint breakpoint, IMarkerDelta delta) {
    }

    @Override
    public void breakpointChanged(IBreakpoint breakpoint, IMarkerDelta delta) {
    }

    @Override
    public boolean canDisconnect() {
        return false;
    }

    @Override
    public void disconnect() {
    }

    @Override
    public boolean isDisconnected() {
        return false;
    }
}
