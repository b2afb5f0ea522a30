// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rsmworkbench.emulator.backend.PublishedSegment;
import org.rsmworkbench.rsmapi.AccessEntry;

/**
 * The data of a segment's znode: {@code key=value} lines (controller, length, uid, gid, mode in octal, acl as
 * {@code node:octal} pairs; where the data path reaches it: host, the UCX worker address and remote key in Base64, the
 * memory's address in hex, binding, the number of rebinds since the publish, and the exporting process's connect mark:
 * its address in hex and remote key in Base64), readable with {@code zkCli.sh get}.
 */
record SegmentRecord(PublishedSegment segment, ExportAddress address) {
    static byte[] encode(PublishedSegment segment, ExportAddress address) {
        StringBuilder acl = new StringBuilder();
        for (AccessEntry entry : segment.acl()) {
            acl.append(acl.isEmpty() ? "" : ",").append(entry.node()).append(':').append(Integer.toOctalString(entry.permission()));
        }
        String text = "controller=" + segment.controller() + "\nlength=" + segment.length() + "\nuid=" + segment.uid() + "\ngid="
                + segment.gid() + "\nmode=" + Integer.toOctalString(segment.mode()) + "\nacl=" + acl + "\nhost=" + address.host()
                + "\nworker=" + Base64.getEncoder().encodeToString(address.worker()) + "\naddress=" + Long.toHexString(address.address())
                + "\nrkey=" + Base64.getEncoder().encodeToString(address.remoteKey()) + "\nbinding=" + address.binding()
                + "\nmark=" + Long.toHexString(address.markAddress()) + "\nmarkkey=" + Base64.getEncoder().encodeToString(address.markKey())
                + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The segment {@code segmentId} of {@code node} that {@code data} describes, and where its memory is.
     *
     * @throws IllegalArgumentException when the data is not such a record (damaged, or written by something else)
     */
    static SegmentRecord decode(int node, int segmentId, byte[] data) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : new String(data, StandardCharsets.UTF_8).split("\n")) {
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("a line without key=value: '" + line + "'");
            }
            fields.put(line.substring(0, equals), line.substring(equals + 1));
        }
        try {
            List<AccessEntry> acl = new ArrayList<>();
            String entries = field(fields, "acl");
            if (!entries.isEmpty()) {
                for (String entry : entries.split(",")) {
                    String[] pair = entry.split(":", 2);
                    acl.add(new AccessEntry(Integer.parseInt(pair[0]), Integer.parseInt(pair[1], 8)));
                }
            }
            PublishedSegment segment = new PublishedSegment(node, segmentId, field(fields, "controller"),
                    Long.parseLong(field(fields, "length")), Integer.parseInt(field(fields, "uid")), Integer.parseInt(field(fields, "gid")),
                    Integer.parseInt(field(fields, "mode"), 8), acl);
            ExportAddress address = new ExportAddress(field(fields, "host"), Base64.getDecoder().decode(field(fields, "worker")),
                    Long.parseUnsignedLong(field(fields, "address"), 16), Base64.getDecoder().decode(field(fields, "rkey")),
                    Long.parseLong(field(fields, "binding")), Long.parseUnsignedLong(field(fields, "mark"), 16),
                    Base64.getDecoder().decode(field(fields, "markkey")));
            return new SegmentRecord(segment, address);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("a field is not a number: " + e.getMessage(), e);
        }
    }

    private static String field(Map<String, String> fields, String key) {
        String value = fields.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no field " + key);
        }
        return value;
    }
}
