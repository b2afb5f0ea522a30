// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.backend;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.rsmworkbench.emulator.ClusterWaits;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * The registry of record of a distributed cluster as one node process sees it (opened by a {@link DistributedBackend}).
 * A node process consults it at control calls only (publish, republish, rebind, unpublish, connect, disconnect), after the
 * checks of its own arguments: put, get and signal go through the {@link Connection#dataPath() data path} of a connection,
 * an exporter's signal goes to the importers the registry records ({@link #signalImporters}), and a signal wait's spin
 * takes in what the data path receives ({@link #spinReceiving}).
 */
public interface ClusterRegistry extends AutoCloseable {
    /** The first and the last segment id given to publishes that ask for one (RSM_USER_APP_ID_BASE and _END). */
    long FIRST_ASSIGNED_ID = 0x8000_0000L, LAST_ASSIGNED_ID = 0xFFFF_FFFFL;

    /** A connection recorded in the registry. */
    interface Connection {
        /**
         * Whether the exporter withdrew the segment or its node died since (a forced disconnect, RSMAPI §5.3); true only
         * once every connection of this process that the same withdrawal cuts says so too (RSMAPI §5.3 cuts them at once).
         */
        boolean isAborted();

        /** Removes the connection from the registry, and releases its data path; once only. */
        void disconnect();

        /** The data path to the segment: put, get and signals go through it. */
        RemoteSegment dataPath();

        /** What the registry granted: the segment as it was published, the mode its node gets, the link it goes through. */
        ConnectChecks.Grant grant();

        /**
         * Runs {@code onSignal} (on a thread of the data path) for each signal the exporter posts to the segment while this
         * connection is recorded; posts that arrive before it is set, or after {@link #disconnect()}, are dropped.
         */
        void onSignal(Runnable onSignal);
    }

    /**
     * Records the publication of a segment of this node, and opens its {@code memory} to the importers' data path;
     * {@code onSignal} runs (on a thread of the data path) for each signal an importer posts to it.
     *
     * @throws RsmException SEGID_IN_USE when the registry already has a segment with that id on this node
     */
    void publish(PublishedSegment segment, MemorySegment memory, Runnable onSignal) throws RsmException;

    /**
     * A segment id for a publish that asks for one (id 0): the next of this node's ids from {@link #FIRST_ASSIGNED_ID},
     * counted in the registry, so that no two processes of the node get the same id, whatever files they
     * use.
     *
     * @throws RsmException INSUFFICIENT_RESOURCES when the node has assigned every id
     */
    int assignSegmentId() throws RsmException;

    /** Replaces the ACL of a published segment of this node. */
    void republish(int segmentId, List<AccessEntry> acl) throws RsmException;

    /**
     * Moves a published segment of this node onto {@code memory} (as long as its memory was): returns once every importer
     * recorded now reaches the new memory through its data path, or is disconnected for not following in time. Importers
     * that follow stay connected (RSMAPI: a rebind is transparent to them). The old memory is closed to the data path then.
     * It throws only while the segment is where it was: once the importers were told of the new memory it returns (the
     * caller must move too), its thread interrupted again if an interrupt cut its wait short.
     */
    void rebind(int segmentId, MemorySegment memory) throws RsmException;

    /** Withdraws a segment of this node: its connections are forcibly disconnected, its memory closed to the data path. */
    void unpublish(int segmentId) throws RsmException;

    /**
     * Decides a connect of a process of this node with {@link ConnectChecks} against the registry and records it.
     *
     * @param controller the importer's controller, {@code loopback} when it is the loopback controller
     */
    Connection connect(String controller, boolean loopback, Credentials credentials, int exporterNode, int segmentId,
            int permission) throws RsmException;

    /**
     * Posts a signal of the published segment {@code segmentId} of this node to every importer the registry records as
     * connected to it, wherever it runs; an importer gone meanwhile drops it (RSMAPI §5.3).
     */
    void signalImporters(int segmentId) throws RsmException;

    /**
     * The spin of a signal wait of this process: looks at {@code arrived} until it says true or the spin ends (the data
     * path says when), taking in meanwhile, on this thread, what the data path receives for this process (signals). A
     * signal that arrives within the spin then ends the wait at once, where the data path's own thread would first have
     * to wake to take it in, and then wake the waiter.
     *
     * @return whether {@code arrived} said true; false: the wait sleeps until its event or its timeout, then calls
     *         {@link #sleepEnded} (the data path makes sure meanwhile that what it receives is taken in)
     */
    boolean spinReceiving(BooleanSupplier arrived);

    /** A signal wait of this process whose {@link #spinReceiving} said false has ended its sleep. */
    void sleepEnded();

    /**
     * Publishes where this process is blocked, for a launcher that does not share its files: {@code blocked} is its signal
     * wait that its JVM's probe found {@link ClusterWaits.Verdict#BLOCKED} (the segments' node and id as the cluster names
     * them, the call site once found), or null when it is in none now. Called by the probe's thread at its pace (only a
     * wait that outlasts the spin is ever found); it does not block: a change goes out to the registry in the background.
     */
    void publishWait(ClusterWaits.Wait blocked);

    /** Leaves the registry: for the others this node is down. */
    @Override
    void close();
}
