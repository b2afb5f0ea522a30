// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.trace;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recording as files other tools read: Chrome Trace Event JSON (Perfetto, Trace Compass, chrome://tracing) and CSV.
 */
public final class TraceExport {
    private TraceExport() {
    }

    /**
     * Writes the recording as a Chrome Trace Event JSON array: one {@code X} slice per event ({@code ts}/{@code dur} in
     * microseconds from the start of the recording, {@code pid} the process's pid, {@code tid} its thread id), the
     * {@code M} events {@code process_name} and {@code thread_name}, and each {@link Flow} as an {@code s} event in the
     * middle of its source slice and an {@code f} event ({@code "bp":"e"}) in the middle of its destination slice,
     * with the same {@code cat} and {@code name} and an id of its own.
     */
    public static void chrome(Recording recording, Writer out) throws IOException {
        out.write("[\n");
        String separator = "";
        Map<Long, String> processes = new LinkedHashMap<>();
        for (ProcessLog log : recording.logs()) {
            processes.put(log.pid(), log.node() == TraceEvent.LAUNCHER ? "launcher (pid " + log.pid() + ")"
                    : "node " + log.node() + " (pid " + log.pid() + ")" + (log.label().isEmpty() ? "" : " " + log.label()));
        }
        for (var process : processes.entrySet()) {
            out.write(separator + "{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":" + process.getKey()
                    + ",\"tid\":0,\"args\":{\"name\":" + json(process.getValue()) + "}}");
            separator = ",\n";
        }
        Map<String, String> threads = new LinkedHashMap<>();
        for (TraceEvent e : recording.events()) {
            threads.putIfAbsent(e.pid() + ":" + e.threadId(), e.threadName());
        }
        for (var thread : threads.entrySet()) {
            String[] ids = thread.getKey().split(":");
            out.write(separator + "{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":" + ids[0] + ",\"tid\":" + ids[1]
                    + ",\"args\":{\"name\":" + json(thread.getValue()) + "}}");
        }
        long origin = recording.origin();
        // per thread by start, the longer first when two begin together, so that viewers nest them
        List<TraceEvent> slices = new ArrayList<>(recording.events());
        slices.sort(Comparator.comparingLong(TraceEvent::pid).thenComparingLong(TraceEvent::threadId)
                .thenComparingLong(TraceEvent::time).thenComparing(Comparator.comparingLong(TraceEvent::duration).reversed()));
        for (TraceEvent e : slices) {
            out.write(separator + "{\"ph\":\"X\",\"cat\":\"" + e.kind().category().label() + "\",\"name\":\"" + e.kind().label()
                    + "\",\"pid\":" + e.pid() + ",\"tid\":" + e.threadId() + ",\"ts\":" + micros(e.time() - origin)
                    + ",\"dur\":" + micros(sliceNanos(e)) + ",\"args\":" + args(e) + "}");
        }
        long id = 1;
        for (Flow flow : recording.flows()) {
            String common = "\"cat\":\"flow\",\"name\":\"" + flow.kind().label() + "\",\"id\":" + id++;
            out.write(separator + "{\"ph\":\"s\"," + common + ",\"pid\":" + flow.from().pid() + ",\"tid\":"
                    + flow.from().threadId() + ",\"ts\":" + micros(middle(flow.from()) - origin) + "}");
            out.write(separator + "{\"ph\":\"f\",\"bp\":\"e\"," + common + ",\"pid\":" + flow.to().pid() + ",\"tid\":"
                    + flow.to().threadId() + ",\"ts\":" + micros(middle(flow.to()) - origin) + "}");
        }
        out.write("\n]\n");
    }

    /** An instant is a slice of 1 ns, so that a flow can start or end inside it. */
    private static long sliceNanos(TraceEvent e) {
        return Math.max(1, e.duration());
    }

    private static long middle(TraceEvent e) {
        return e.time() + sliceNanos(e) / 2;
    }

    private static String args(TraceEvent e) {
        StringBuilder args = new StringBuilder("{\"seq\":").append(e.sequence()).append(",\"node\":").append(e.node());
        if (e.failed()) {
            args.append(",\"error\":").append(json(errorName(e.error())));
        }
        if (e.segment() != null) {
            args.append(",\"segment\":\"").append(e.segment()).append('"');
        }
        if (e.offset() != 0 || e.length() != 0) {
            args.append(",\"offset\":").append(e.offset()).append(",\"length\":").append(e.length());
        }
        if (e.value() != 0) {
            args.append(",\"value\":").append(e.value());
        }
        if (e.text() != null) {
            args.append(",\"text\":").append(json(e.text()));
        } else if (e.payloadForm() != TraceEvent.PayloadForm.NONE) {
            args.append(",\"").append(e.payloadForm() == TraceEvent.PayloadForm.DIGEST ? "digest" : "bytes").append("\":\"")
                    .append(HexFormat.of().formatHex(e.payload())).append('"');
        }
        if (e.site() != null) {
            args.append(",\"site\":").append(json(e.site().toString()));
        }
        return args.append('}').toString();
    }

    /**
     * Writes one line per event, with a header line; times in nanoseconds from the start of the recording. The first
     * column is the event's number, its index in {@link Recording#events()}.
     */
    public static void csv(Recording recording, Writer out) throws IOException {
        out.write("event,time_ns,duration_ns,node,pid,thread_id,thread,sequence,kind,error,segment,offset,length,value,payload_form,"
                + "payload,class,method,file,line\n");
        List<TraceEvent> events = recording.events();
        for (int n = 0; n < events.size(); n++) {
            TraceEvent e = events.get(n);
            CallSite site = e.site();
            out.write(n + "," + (e.time() - recording.origin()) + "," + e.duration() + "," + e.node() + "," + e.pid() + "," + e.threadId()
                    + "," + csv(e.threadName()) + "," + e.sequence() + "," + e.kind().label() + ","
                    + (e.failed() ? errorName(e.error()) : "") + "," + (e.segment() == null ? "" : e.segment()) + "," + e.offset()
                    + "," + e.length() + "," + e.value() + "," + e.payloadForm().name().toLowerCase(java.util.Locale.ROOT) + ","
                    + (e.text() != null ? csv(e.text()) : HexFormat.of().formatHex(e.payload())) + ","
                    + (site == null ? ",,," : csv(site.className()) + "," + csv(site.method()) + ","
                            + csv(site.file() == null ? "" : site.file()) + "," + site.line())
                    + "\n");
        }
    }

    /** {@code RSMERR_CONN_ABORTED} for 40, {@code EXCEPTION} for a Java exception (-1). */
    public static String errorName(int error) {
        if (error == -1) {
            return "EXCEPTION";
        }
        try {
            return "RSMERR_" + org.rsmworkbench.rsmapi.RsmError.of(error);
        } catch (IllegalArgumentException e) {
            return String.valueOf(error);
        }
    }

    private static String micros(long nanos) {
        return nanos / 1000 + "." + String.format("%03d", Math.abs(nanos % 1000));
    }

    private static String csv(String text) {
        return text.matches("[^,\"\r\n]*") ? text : '"' + text.replace("\"", "\"\"") + '"';
    }

    static String json(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
