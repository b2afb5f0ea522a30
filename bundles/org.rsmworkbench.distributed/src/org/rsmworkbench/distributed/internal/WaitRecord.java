// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.rsmworkbench.emulator.ClusterWaits.Call;
import org.rsmworkbench.emulator.ClusterWaits.SegmentName;
import org.rsmworkbench.emulator.trace.CallSite;

/**
 * The data of a wait znode ({@code /waits/N-SESSION}, {@link Znodes#WAITS}): the signal wait that the probe of a node JVM
 * with files of its own found blocked, as its process publishes it for the launcher. Who could end the wait is not in it
 * but in the registry, by the segments' kinds: the importers of an exported segment (its connection znodes' sessions),
 * the exporter of an imported one (its segment znode's session).
 * <p>
 * Lines: {@code serial=S}, {@code call=signalWait} (or {@code signalWaitPollFd}), {@code segments=} the segments waited on,
 * comma-separated, each {@code N:ID-export} or {@code N:ID-import} (ID in hex), and, once the probe found it,
 * {@code site=CLASS TAB METHOD TAB FILE TAB LINE} (FILE empty when unknown).
 *
 * @param serial the serial of the wait in its process (a new wait has another one)
 * @param site the program's frame that made the call, or null while its JVM has not found it yet
 */
public record WaitRecord(int serial, Call call, List<WaitedSegment> segments, CallSite site) {

    public WaitRecord {
        segments = List.copyOf(segments);
    }

    /** A segment waited on: exported by the waiting process (its importers can end the wait), or imported (its exporter can). */
    public record WaitedSegment(SegmentName name, boolean exported) {
    }

    public byte[] encode() {
        StringBuilder text = new StringBuilder("serial=").append(serial).append("\ncall=").append(call.method()).append("\nsegments=");
        for (int i = 0; i < segments.size(); i++) {
            WaitedSegment segment = segments.get(i);
            text.append(i == 0 ? "" : ",").append(segment.name().node()).append(':')
                    .append(Integer.toHexString(segment.name().id())).append(segment.exported() ? "-export" : "-import");
        }
        text.append('\n');
        if (site != null) {
            text.append("site=").append(site.className()).append('\t').append(site.method()).append('\t')
                    .append(site.file() == null ? "" : site.file()).append('\t').append(site.line()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The record {@link #encode()} wrote.
     *
     * @throws IllegalArgumentException when {@code data} is no such record
     */
    public static WaitRecord decode(byte[] data) {
        Map<String, String> fields = Znodes.fields(data, "serial", "call", "segments");
        String method = fields.get("call"), segments = fields.get("segments");
        Call call = null;
        for (Call c : Call.values()) {
            if (c.method().equals(method)) {
                call = c;
            }
        }
        if (call == null) {
            throw new IllegalArgumentException("no such call in a wait record: " + method);
        }
        List<WaitedSegment> waited = new ArrayList<>();
        for (String segment : segments.isEmpty() ? new String[0] : segments.split(",")) {
            waited.add(segment(segment));
        }
        return new WaitRecord(Integer.parseInt(fields.get("serial")), call, waited, site(fields.get("site")));
    }

    private static WaitedSegment segment(String text) {
        int colon = text.indexOf(':'), dash = text.indexOf('-');
        String kind = dash < 0 ? "" : text.substring(dash + 1);
        if (colon < 0 || dash < colon || !(kind.equals("export") || kind.equals("import"))) {
            throw new IllegalArgumentException("not a segment waited on: " + text);
        }
        return new WaitedSegment(new SegmentName(Integer.parseInt(text.substring(0, colon)),
                Integer.parseUnsignedInt(text.substring(colon + 1, dash), 16)), kind.equals("export"));
    }

    private static CallSite site(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split("\t", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a call site: " + text);
        }
        return new CallSite(parts[0], parts[1], parts[2].isEmpty() ? null : parts[2], Integer.parseInt(parts[3]));
    }
}
