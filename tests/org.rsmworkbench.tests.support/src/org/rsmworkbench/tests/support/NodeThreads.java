// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.tests.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import org.rsmworkbench.emulator.ClusterWaits.SegmentName;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;

/**
 * Node programs of an in-JVM cluster, each as a node JVM would run it: on a thread of a thread group of its own (the
 * emulator counts as a process's threads those of the group of the thread that opened it), which opens the node's
 * process and publishes its mailbox segment. The programs start together once every mailbox is published, and end
 * when {@link #close()} closes their processes (their waits fail then).
 */
public final class NodeThreads implements AutoCloseable {
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);
    /** Mailbox ids, fresh in each cluster a test class shares. */
    private static final AtomicInteger NEXT_MAILBOX = new AtomicInteger(0x600000);

    /** A node program's view of its node: its process and its published mailbox. */
    public record Node(int id, RsmLibrary rsm, ExportSegment mailbox, Map<Integer, Integer> mailboxIds) {
        /** Connects, read and write, to the mailbox of {@code node}. */
        public ImportSegment connect(int node) throws RsmException {
            return rsm.getController("emu0").connect(node, mailboxIds.get(node), Rsm.PERM_RDWR);
        }
    }

    /** What a node runs. */
    public interface Program {
        void run(Node node) throws Exception;
    }

    private final EmulatedCluster cluster;
    private final Credentials credentials;
    private final Map<Integer, Integer> mailboxIds = new ConcurrentHashMap<>();
    private final List<RsmLibrary> libraries = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private volatile boolean closing;

    public NodeThreads(EmulatedCluster cluster, Credentials credentials) {
        this.cluster = cluster;
        this.credentials = credentials;
    }

    /** Runs {@code program} on each of the nodes {@code ids}. */
    public void run(List<Integer> ids, Program program) {
        ids.forEach(id -> mailboxIds.put(id, NEXT_MAILBOX.getAndIncrement()));
        CyclicBarrier published = new CyclicBarrier(ids.size());
        for (int id : ids) {
            Thread thread = new Thread(new ThreadGroup("node-" + id), () -> {
                try (RsmLibrary rsm = cluster.process(id, credentials)) {
                    libraries.add(rsm);
                    ExportSegment mailbox = rsm.getController("emu0")
                            .createExportSegment(rsm.allocate(rsm.getController("emu0").getAttributes().pageSize()), 0);
                    mailbox.publish(mailboxIds.get(id), null);
                    published.await();
                    program.run(new Node(id, rsm, mailbox, mailboxIds));
                } catch (Throwable e) {
                    failed(e);
                }
            }, "node-" + id + "-main");
            threads.add(thread);
            thread.start();
        }
    }

    /** The mailbox of {@code node} as the waits name it. */
    public SegmentName mailbox(int node) {
        return new SegmentName(node, mailboxIds.get(node));
    }

    /** Records a failure of a thread of a node program (one that is not the consequence of {@link #close()}). */
    public void failed(Throwable e) {
        if (!closing) {
            failures.add(e);
        }
    }

    /** "" or "; node programs failed: ..." for messages. */
    public String failures() {
        return failures.isEmpty() ? "" : "; node programs failed: " + failures;
    }

    /** Closes the processes, which ends their waits, waits for the programs to end, and fails if one failed before. */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        for (RsmLibrary library : libraries) {
            library.close();
        }
        for (Thread thread : threads) {
            thread.interrupt();
            thread.join(JOIN_TIMEOUT);
        }
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError("node programs failed: " + failures);
            failures.forEach(error::addSuppressed);
            throw error;
        }
    }
}
