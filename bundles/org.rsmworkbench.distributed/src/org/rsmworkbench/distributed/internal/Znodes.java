// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.rsmworkbench.rsmapi.Credentials;

/**
 * Where a cluster's registry keeps what, below the cluster's own root (the chroot of its connect string):
 * <ul>
 * <li>{@code /nodes/N}: {@code up} or {@code down}, the state of node N (as the mapped registry's node record: up from the
 * start, down once killed);</li>
 * <li>{@code /nodes/N/next-segment-id}: the next id (decimal, unsigned) a publish of node N that asks for one gets; a
 * publish takes it by writing the next at the version it read;</li>
 * <li>{@code /processes/N-SESSION}: ephemeral, one per process of node N (its liveness; the launcher sees by its name that
 * node N has joined), holding {@code pid=P}, the process id of its JVM on its host, {@code node-version=V}, the version
 * of {@code /nodes/N} it joined at ({@link #processRecord}): the life of the node it belongs to, which a kill and a
 * restart end, {@code files=own} or {@code files=shared}: whether the process keeps the cluster's files in a directory
 * of its own (a node JVM that does not share the launch's files), whose processes, segments and connections the
 * launcher then shows from the registry, and its credentials ({@code uid=}, {@code gid=}, {@code groups=},
 * {@code umask=}, {@code privileged=}; a record written before they were recorded lacks them);</li>
 * <li>{@code /joined/N-SESSION}: persistent, made with the process znode in one multi-op and holding the same record; a
 * process that ends cleanly deletes both in one multi-op (as does a join that fails after it made them). A joined znode
 * whose process znode is gone is a process that did not end cleanly (its session expired, or its end could not be
 * written within its session's timeout), however briefly it lived and wherever the launcher was meanwhile (disconnected,
 * between two looks): the launcher's {@link NodeReaper} takes the node down (a killed node) unless that life has ended
 * already, and deletes it;</li>
 * <li>{@code /format}: the registry's layout ({@link RegistryFormat}), which a process or the IDE of another build refuses;</li>
 * <li>{@code /launcher}: ephemeral (the launcher's session): the launch runs. A launcher that dies without removing the
 * registry takes it with its session, and the node processes, which watch it, end;</li>
 * <li>{@code /links/I}: {@code up} or {@code down}, the link with index I of the cluster spec (a {@code link-down} fault
 * writes it; the processes of its two nodes watch it);</li>
 * <li>{@code /transfer-faults/I-E}: the count of the next transfers from node I to segments of node E that fail (a
 * {@code fail:} fault); a process of node I takes it, deleting the znode at the version it read, into its cluster files;</li>
 * <li>{@code /segments/N-ID}: ephemeral (the exporter's session), the published segment ID (hex) of node N
 * ({@link SegmentRecord});</li>
 * <li>{@code /connections/N-ID-M-SEQ}: ephemeral (the importer's session), a connection of node M to it, with the permission
 * it asked for and was granted, where the exporter's signals reach it, and the binding of the segment its data path
 * reaches ({@link #connectionRecord}): the importer writes it again once it followed a rebind, which the exporter waits
 * for;</li>
 * <li>{@code /waits/N-SESSION}: ephemeral, named as the process znode, the signal wait in which the probe of a node JVM with
 * files of its own finds that process blocked ({@link WaitRecord}): written when the probe's finding changes, deleted when
 * the wait ends or is no longer blocked. The launcher's deadlock detection reads them (the waits of node JVMs that share
 * its files are in those files).</li>
 * </ul>
 */
final class Znodes {
    static final String NODES = "/nodes";
    static final String PROCESSES = "/processes";
    static final String JOINED = "/joined";
    static final String LAUNCHER = "/launcher";
    static final String NODE_UP = "up";
    static final String NODE_DOWN = "down";
    static final String LINKS = "/links";
    static final String SEGMENTS = "/segments";
    static final String CONNECTIONS = "/connections";
    static final String LINK_UP = "up";
    static final String LINK_DOWN = "down";
    static final String TRANSFER_FAULTS = "/transfer-faults";
    static final String WAITS = "/waits";
    private static final String OWN_FILES = "own";
    private static final String SHARED_FILES = "shared";

    private Znodes() {
    }

    static String node(int node) {
        return NODES + "/" + node;
    }

    /** The next segment id that a publish of node N asking for one (id 0) gets: made by the first such publish. */
    static String nextSegmentId(int node) {
        return node(node) + "/next-segment-id";
    }

    /** The name of the process znode of {@code node} with that ZooKeeper session. */
    static String processName(int node, long session) {
        return node + "-" + Long.toHexString(session);
    }

    /** The joined znode of the process whose znode is {@code processPath} ({@code /processes/N-SESSION}). */
    static String joined(String processPath) {
        return JOINED + processPath.substring(processPath.lastIndexOf('/'));
    }

    /**
     * The data of a process znode: {@code pid=P}, {@code node-version=V}, {@code files=own} or {@code files=shared}, then
     * the process's credentials: {@code uid=}, {@code gid=}, {@code groups=} (comma-separated), {@code umask=} (octal) and
     * {@code privileged=}.
     */
    static byte[] processRecord(long pid, int nodeVersion, boolean ownFiles, Credentials credentials) {
        return ("pid=" + pid + "\nnode-version=" + nodeVersion + "\nfiles=" + (ownFiles ? OWN_FILES : SHARED_FILES) + "\nuid="
                + credentials.uid() + "\ngid=" + credentials.gid() + "\ngroups="
                + credentials.groups().stream().sorted().map(String::valueOf).collect(Collectors.joining(",")) + "\numask="
                + Integer.toOctalString(credentials.umask()) + "\nprivileged=" + credentials.privileged() + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The credentials of a process, from {@link #processRecord}'s data.
     *
     * @throws IllegalArgumentException when the data is no such record, or one written before processes recorded their
     *             credentials
     */
    static Credentials processCredentials(byte[] data) {
        Map<String, String> fields = fields(data, "uid", "gid", "groups", "umask", "privileged");
        String groups = fields.get("groups");
        return new Credentials(Integer.parseInt(fields.get("uid")), Integer.parseInt(fields.get("gid")),
                groups.isEmpty() ? Set.of() : Arrays.stream(groups.split(",")).map(Integer::valueOf).collect(Collectors.toSet()),
                Integer.parseUnsignedInt(fields.get("umask"), 8), Boolean.parseBoolean(fields.get("privileged")));
    }

    /**
     * Whether the process of a {@link #processRecord} keeps the cluster's files in a directory of its own; not a process
     * whose record does not say (a record written before it said).
     */
    static boolean processHasOwnFiles(byte[] data) {
        return OWN_FILES.equals(fields(data).get("files"));
    }

    /**
     * The version of its node's znode that a process joined at, from {@link #processRecord}'s data.
     *
     * @throws IllegalArgumentException when the data is no such record
     */
    static int processNodeVersion(byte[] data) {
        return Integer.parseInt(fields(data, "node-version").get("node-version"));
    }

    /**
     * The process id of the JVM of a process, on its host, from {@link #processRecord}'s data.
     *
     * @throws IllegalArgumentException when the data is no such record
     */
    static long processPid(byte[] data) {
        return Long.parseLong(fields(data, "pid").get("pid"));
    }

    /** The ZooKeeper session of a process znode's name (a wait znode has the same name). */
    static long sessionOfProcess(String processName) {
        return Long.parseUnsignedLong(processName.substring(processName.indexOf('-') + 1), 16);
    }

    /** The node of a process znode's name. */
    static int nodeOfProcess(String processName) {
        return Integer.parseInt(processName.substring(0, processName.indexOf('-')));
    }

    static String segment(int node, int segmentId) {
        return SEGMENTS + "/" + segmentName(node, segmentId);
    }

    static String segmentName(int node, int segmentId) {
        return node + "-" + Integer.toHexString(segmentId);
    }

    /** The prefix of the connection znodes (names, not paths) of a segment. */
    static String connectionPrefix(int node, int segmentId) {
        return segmentName(node, segmentId) + "-";
    }

    /** Where an exporter's signals reach the importer of a connection: its process's UCX worker, and the listener there. */
    record Importer(byte[] worker, int listener) {
    }

    /**
     * The data of a connection's znode: {@code permission=P} and {@code granted=G} lines (in octal), then where the
     * exporter's signals reach the importer: {@code worker=} (its UCX worker address in Base64) and {@code listener=}, then
     * {@code binding=}, the latest binding of the segment ({@link ExportAddress#binding()}) that the importer's data path has
     * followed: it uses the memory of no binding before.
     */
    static byte[] connectionRecord(int permission, int granted, Importer importer, long binding) {
        return ("permission=" + Integer.toOctalString(permission) + "\ngranted=" + Integer.toOctalString(granted) + "\nworker="
                + Base64.getEncoder().encodeToString(importer.worker()) + "\nlistener=" + importer.listener() + "\nbinding="
                + binding + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The binding a connection's record says once its importer let go of the segment's memory after the exporter withdrew
     * the segment (unpublished or destroyed it): later than every binding, as the path reaches the memory of none.
     */
    static final long WITHDRAWN = Long.MAX_VALUE;

    /** Whether a connection's record says that its importer let go of the withdrawn segment ({@link #WITHDRAWN}). */
    static boolean withdrawn(byte[] data) {
        String binding = fields(data).get("binding");
        return binding != null && binding.equals(Long.toString(WITHDRAWN));
    }

    /**
     * The latest binding of the segment that the importer's data path has followed, from {@link #connectionRecord}'s data.
     *
     * @throws IllegalArgumentException when the data is no such record
     */
    static long connectionBinding(byte[] data) {
        return Long.parseLong(fields(data, "binding").get("binding"));
    }

    /**
     * Where the exporter's signals reach the importer, from {@link #connectionRecord}'s data.
     *
     * @throws IllegalArgumentException when the data is no such record
     */
    static Importer connectionImporter(byte[] data) {
        Map<String, String> fields = fields(data, "worker", "listener");
        return new Importer(Base64.getDecoder().decode(fields.get("worker")), Integer.parseInt(fields.get("listener")));
    }

    /**
     * The {@code name=value} lines of a record's data ({@link #connectionRecord}, {@link #processRecord},
     * {@link WaitRecord}), by name (the first of a name counts).
     *
     * @throws IllegalArgumentException when one of {@code required} is missing
     */
    static Map<String, String> fields(byte[] data, String... required) {
        String text = new String(data, StandardCharsets.UTF_8);
        Map<String, String> fields = new HashMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                fields.putIfAbsent(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        for (String name : required) {
            if (!fields.containsKey(name)) {
                throw new IllegalArgumentException("not a record with " + name + "=: '" + text + "'");
            }
        }
        return fields;
    }

    /** The importer's node of a connection znode, from its name: {@code N-ID-M-SEQ}. */
    static int connectionImporterNode(String name) {
        String[] parts = name.split("-");
        return Integer.parseInt(parts[parts.length - 2]);
    }

    /** The sequence number ZooKeeper gave a connection znode: the end of its name. */
    static int connectionSequence(String name) {
        return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
    }

    /**
     * The permission asked for and the one granted, from {@link #connectionRecord}'s data.
     *
     * @throws IllegalArgumentException when the data is no such record
     */
    static int[] connectionPermissions(byte[] data) {
        Map<String, String> fields = fields(data, "permission", "granted");
        return new int[] {Integer.parseInt(fields.get("permission"), 8), Integer.parseInt(fields.get("granted"), 8)};
    }

    static String link(int index) {
        return LINKS + "/" + index;
    }

    /** The name of the transfer fault znode of transfers from {@code importerNode} to {@code exporterNode}: {@code I-E}. */
    static String transferFaultName(int importerNode, int exporterNode) {
        return importerNode + "-" + exporterNode;
    }

    /** The importer and exporter nodes of a transfer fault znode's name. */
    static int[] transferFaultNodes(String name) {
        int dash = name.indexOf('-');
        return new int[] {Integer.parseInt(name.substring(0, dash)), Integer.parseInt(name.substring(dash + 1))};
    }

    /** The data of a transfer fault znode: its count in decimal. */
    static byte[] transferFaultRecord(int count) {
        return Integer.toString(count).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The count of a transfer fault znode's data.
     *
     * @throws NumberFormatException when the data is not a count
     */
    static int transferFaultCount(byte[] data) {
        return Integer.parseInt(new String(data, StandardCharsets.UTF_8).strip());
    }
}
