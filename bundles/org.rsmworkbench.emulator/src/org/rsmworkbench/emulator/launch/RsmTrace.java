// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.rsmworkbench.emulator.UntrustedFiles;
import org.rsmworkbench.emulator.internal.FileErrors;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.SegmentHistory;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.emulator.trace.TraceExport;
import org.rsmworkbench.emulator.trace.TraceSummary;

/**
 * The command line {@code rsm-trace}: reads a recording made with {@code rsm-launch --record DIR} (see {@link #USAGE}).
 * Exit status: 0, 2 for a bad argument, 1 when the recording cannot be read or the output written, {@link #DAMAGED}
 * when the output was made but lacks events a damaged log lost.
 */
public final class RsmTrace {
    public static final String USAGE = """
            Usage: rsm-trace export DIR --format chrome|csv -o FILE|-
                   rsm-trace summary DIR
                   rsm-trace segment DIR --segment NODE:0xID --at EVENT-NUMBER|TIME

            Reads the recording that rsm-launch --record DIR made (also while the run goes on).
              export    writes every event: chrome is Chrome Trace Event JSON (open it in Perfetto, ui.perfetto.dev,
                        or Trace Compass), one slice per RSM call, flows from signal posts to the waits that consumed
                        them, from publishes to connects, from what cut a connection to the calls that failed for it;
                        csv is one line per event; -o - writes to standard output
              summary   prints the events per kind and node, the errors, the busiest call sites
              segment   prints a hex dump of segment NODE:0xID (e.g. 1:0x400100) as it was once event
                        EVENT-NUMBER had happened, or at TIME from the start of the run (12.5ms; units ns, us,
                        ms, s). Events are numbered from 0 in time order, as export --format csv numbers them.
                        Stores through a mapping and the exporter's own stores are seen at the storing
                        process's next signal post, barrier close or order (or change of what it maps or
                        exports); bytes no recorded event wrote show as 00
              -h, --help  this text

            A log found damaged (cut short, its records broken off) is read as far as it can be, each loss told
            as a warning, and the exit status is 3 (1: the recording cannot be read; 2: a bad argument).
            A recording too large for the JVM's heap: RSM_VMARGS=-Xmx4g ./rsm-trace ... gives it more.
            """;
    /** How to give rsm-trace a larger heap (the rsm-trace script passes RSM_VMARGS to its JVM). */
    static final String MORE_HEAP = "RSM_VMARGS=-Xmx4g ./rsm-trace ...";
    /**
     * The exit status when a log of the recording is damaged: the output was made of what could be read, and lacks events
     * (a script must not take it for the whole run; a crash's torn last records are no damage).
     */
    public static final int DAMAGED = 3;

    private static final HexFormat HEX = HexFormat.of();
    /** The -o of standard output, as most command-line tools take it. */
    private static final String STANDARD_OUTPUT = "-";

    private RsmTrace() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Runs the command line {@code args}; returns the exit status. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("-h") || args.contains("--help")) {
            out.print(USAGE);
            return 0;
        }
        try {
            if (args.isEmpty()) {
                throw new LaunchArgumentException("no command: give export, summary or segment");
            }
            return switch (args.getFirst()) {
                case "summary" -> summary(args.subList(1, args.size()), out, err);
                case "export" -> export(args.subList(1, args.size()), out, err);
                case "segment" -> segment(args.subList(1, args.size()), out, err);
                default -> throw new LaunchArgumentException("unknown command \"" + args.getFirst()
                        + "\" (commands: export, summary, segment)");
            };
        } catch (LaunchArgumentException e) {
            err.println("rsm-trace: " + e.getMessage());
            err.println("Try 'rsm-trace --help' for usage.");
            return RsmLaunch.BAD_ARGUMENT;
        } catch (IOException e) {
            err.println("rsm-trace: " + FileErrors.describe(e));
            return RsmLaunch.LAUNCH_FAILED;
        } catch (OutOfMemoryError e) {
            // what the command read is garbage once it has thrown: the heap has room again for the message
            err.println("rsm-trace: the recording is too large for this JVM's heap (" + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MB): " + e.getMessage() + ". Give it more: " + MORE_HEAP);
            return RsmLaunch.LAUNCH_FAILED;
        }
    }

    /** The recording in {@code folder}, each log not read (and why) and each loss to damage told on {@code err}. */
    private static Recording open(Path folder, PrintStream err) throws IOException {
        Recording recording = Recording.open(folder);
        recording.warnings().forEach(why -> err.println("rsm-trace: warning: " + why));
        return recording;
    }

    /** The exit status of a command that read {@code recording} and made its output. */
    private static int status(Recording recording) {
        return recording.damaged() ? DAMAGED : 0;
    }

    private static int summary(List<String> args, PrintStream out, PrintStream err) throws LaunchArgumentException, IOException {
        if (args.size() != 1 || args.getFirst().startsWith("-")) {
            throw new LaunchArgumentException("summary takes one argument, the recording folder: rsm-trace summary DIR");
        }
        Recording recording = open(Path.of(args.getFirst()), err);
        TraceSummary.print(recording, out);
        return status(recording);
    }

    private static int export(List<String> args, PrintStream out, PrintStream err) throws LaunchArgumentException, IOException {
        String directory = null;
        String format = null;
        String output = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--format" -> format = valueAfter(args, i++, arg);
                case "-o", "--output" -> output = LaunchArguments.fileName(arg, valueAfter(args, i++, arg));
                default -> {
                    if (arg.startsWith("-")) {
                        throw new LaunchArgumentException("unknown option " + arg);
                    }
                    if (directory != null) {
                        throw new LaunchArgumentException("unexpected argument \"" + arg + "\": export reads one recording folder");
                    }
                    directory = arg;
                }
            }
        }
        if (directory == null || format == null || output == null) {
            throw new LaunchArgumentException("export needs a recording folder, --format chrome|csv and -o FILE");
        }
        if (!format.equals("chrome") && !format.equals("csv")) {
            throw new LaunchArgumentException("--format: \"" + format + "\" is not chrome or csv");
        }
        if (output.toLowerCase(Locale.ROOT).endsWith(Recording.LOG_SUFFIX)) {
            // it would replace a log of the recording, or be read as one
            throw new LaunchArgumentException("-o " + output + ": a " + Recording.LOG_SUFFIX + " file is an event log of a recording;"
                    + " give the export another name, e.g. events." + format.replace("chrome", "json"));
        }
        Recording recording = open(Path.of(directory), err);
        boolean chrome = format.equals("chrome");
        UntrustedFiles.Content content = stream -> {
            Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            if (chrome) {
                TraceExport.chrome(recording, writer);
            } else {
                TraceExport.csv(recording, writer);
            }
            writer.flush();
        };
        if (output.equals(STANDARD_OUTPUT)) {
            content.writeTo(out);
            if (out.checkError()) { // a PrintStream keeps its write errors to itself
                throw new IOException("cannot write the export to standard output");
            }
            return status(recording);
        }
        try {
            UntrustedFiles.writePrivately(Path.of(output), content);
        } catch (IOException e) {
            throw new IOException("cannot write " + FileErrors.describe(e), e);
        }
        return status(recording);
    }

    private static int segment(List<String> args, PrintStream out, PrintStream err) throws LaunchArgumentException, IOException {
        String directory = null;
        String segment = null;
        String at = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--segment" -> segment = valueAfter(args, i++, arg);
                case "--at" -> at = valueAfter(args, i++, arg);
                default -> {
                    if (arg.startsWith("-")) {
                        throw new LaunchArgumentException("unknown option " + arg);
                    }
                    if (directory != null) {
                        throw new LaunchArgumentException("unexpected argument \"" + arg + "\": segment reads one recording folder");
                    }
                    directory = arg;
                }
            }
        }
        if (directory == null || segment == null || at == null) {
            throw new LaunchArgumentException("segment needs a recording folder, --segment NODE:0xID and --at EVENT-NUMBER|TIME");
        }
        Path folder = Path.of(directory);
        if (!Files.isDirectory(folder)) {
            throw new LaunchArgumentException("no recording folder " + directory + (Files.exists(folder) ? " (it is not a folder)" : ""));
        }
        Instant instant = Instant.parse(at);
        Recording recording = open(folder, err);
        SegmentHistory history;
        try {
            history = SegmentHistory.of(recording, segment);
        } catch (IllegalArgumentException e) {
            throw new LaunchArgumentException("--segment: " + e.getMessage());
        }
        int eventNumber = instant.eventNumber(recording);
        dump(history.at(eventNumber), out);
        return status(recording);
    }

    /**
     * Prints a heading line (the segment, the instant, its size), then 16 bytes a line as {@code hexdump -C} does:
     * offset in hex, the bytes in hex, and as ASCII.
     */
    private static void dump(SegmentHistory.Contents contents, PrintStream out) {
        Recording recording = contents.history().recording();
        int n = contents.eventNumber();
        String instant = n < 0 ? "before the first event"
                : String.format(Locale.ROOT, "at event %d (%.6f ms from the start of the run, %s %s)", n,
                        (recording.events().get(n).time() - recording.origin()) / 1e6, recording.events().get(n).kind().label(),
                        recording.events().get(n).node() == TraceEvent.LAUNCHER ? "by the launcher"
                                : "on node " + recording.events().get(n).node());
        byte[] bytes = contents.bytes();
        if (bytes.length == 0) {
            out.printf("segment %s %s: no contents recorded yet (not yet published)%n", contents.history().segment(), instant);
            return;
        }
        long unknown = IntStream.range(0, bytes.length).filter(i -> contents.lastWriterNumber(i) < 0).count();
        out.printf("segment %s %s: %d bytes%s%n", contents.history().segment(), instant, bytes.length,
                unknown == 0 ? "" : " (" + unknown + " of them written by no recorded event: shown as 00)");
        StringBuilder line = new StringBuilder(80);
        for (int row = 0; row < bytes.length; row += 16) {
            line.setLength(0);
            line.append(String.format("%08x ", row));
            StringBuilder ascii = new StringBuilder(16);
            for (int i = row; i < row + 16; i++) {
                line.append(i % 16 == 8 ? "  " : " ");
                if (i < bytes.length) {
                    line.append(HEX.toHexDigits(bytes[i]));
                    ascii.append(bytes[i] >= 0x20 && bytes[i] < 0x7f ? (char) bytes[i] : '.');
                } else {
                    line.append("  ");
                }
            }
            out.println(line.append("  |").append(ascii).append('|'));
        }
    }

    /** What {@code --at} says: an event number, or a time in nanoseconds from the start of the run. */
    private record Instant(long eventNumber, long nanos) {
        private static final Pattern TIME = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s)");

        static Instant parse(String text) throws LaunchArgumentException {
            if (text.matches("\\d{1,18}")) {
                return new Instant(Long.parseLong(text), -1);
            }
            Matcher m = TIME.matcher(text);
            if (!m.matches()) {
                throw new LaunchArgumentException("--at: \"" + text
                        + "\" is neither an event number (0, 1, ...) nor a time from the start of the run (12.5ms; ns, us, ms, s)");
            }
            double unit = switch (m.group(2)) {
                case "ns" -> 1;
                case "us" -> 1e3;
                case "ms" -> 1e6;
                default -> 1e9;
            };
            double nanos = Double.parseDouble(m.group(1)) * unit;
            if (nanos > Long.MAX_VALUE / 2) {
                throw new LaunchArgumentException("--at: " + text + " is too far");
            }
            return new Instant(-1, Math.round(nanos));
        }

        /** The event it names, checked against {@code recording}. */
        int eventNumber(Recording recording) throws LaunchArgumentException {
            List<TraceEvent> events = recording.events();
            if (nanos < 0) {
                if (eventNumber >= events.size()) {
                    throw new LaunchArgumentException("--at: the recording has no event " + eventNumber + " (its events are 0 to "
                            + (events.size() - 1) + ")");
                }
                return (int) eventNumber;
            }
            long end = events.stream().mapToLong(TraceEvent::end).max().orElse(recording.origin()) - recording.origin();
            if (nanos > end) {
                throw new LaunchArgumentException(String.format(Locale.ROOT,
                        "--at: %.6f ms is after the end of the recording (%.6f ms from its start)", nanos / 1e6, end / 1e6));
            }
            return recording.eventAt(nanos);
        }
    }

    private static String valueAfter(List<String> args, int i, String option) throws LaunchArgumentException {
        if (i + 1 >= args.size()) {
            throw new LaunchArgumentException("option " + option + " needs a value");
        }
        return args.get(i + 1);
    }
}
