package org.rsmworkbench.emulator.launch;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.TraceExport;
import org.rsmworkbench.emulator.trace.TraceSummary;

/**
 * The command line {@code rsm-trace}: reads a recording made with {@code rsm-launch --record DIR} (see {@link #USAGE}).
 * Exit status: 0, 2 for a bad argument, 1 when the recording cannot be read or the output written.
 */
public final class RsmTrace {
    public static final String USAGE = """
            Usage: rsm-trace export DIR --format chrome|csv -o FILE
                   rsm-trace summary DIR

            Reads the recording that rsm-launch --record DIR made (also while the run goes on).
              export    writes every event: chrome is Chrome Trace Event JSON (open it in Perfetto, ui.perfetto.dev,
                        or Trace Compass), one slice per RSM call, flows from signal posts to the waits that consumed
                        them, from publishes to connects, from what cut a connection to the calls that failed for it;
                        csv is one line per event
              summary   prints the events per kind and node, the errors, the busiest call sites
              -h, --help  this text
            """;

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
                throw new LaunchArgumentException("no command: give export or summary");
            }
            return switch (args.getFirst()) {
                case "summary" -> summary(args.subList(1, args.size()), out);
                case "export" -> export(args.subList(1, args.size()));
                default -> throw new LaunchArgumentException("unknown command \"" + args.getFirst() + "\" (commands: export, summary)");
            };
        } catch (LaunchArgumentException e) {
            err.println("rsm-trace: " + e.getMessage());
            err.println("Try 'rsm-trace --help' for usage.");
            return RsmLaunch.BAD_ARGUMENT;
        } catch (IOException e) {
            err.println("rsm-trace: " + e.getMessage());
            return RsmLaunch.LAUNCH_FAILED;
        }
    }

    private static int summary(List<String> args, PrintStream out) throws LaunchArgumentException, IOException {
        if (args.size() != 1 || args.getFirst().startsWith("-")) {
            throw new LaunchArgumentException("summary takes one argument, the recording folder: rsm-trace summary DIR");
        }
        TraceSummary.print(Recording.open(Path.of(args.getFirst())), out);
        return 0;
    }

    private static int export(List<String> args) throws LaunchArgumentException, IOException {
        String directory = null;
        String format = null;
        String output = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--format" -> format = valueAfter(args, i++, arg);
                case "-o", "--output" -> output = valueAfter(args, i++, arg);
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
        Recording recording = Recording.open(Path.of(directory));
        try (Writer writer = Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8)) {
            if (format.equals("chrome")) {
                TraceExport.chrome(recording, writer);
            } else {
                TraceExport.csv(recording, writer);
            }
        }
        return 0;
    }

    private static String valueAfter(List<String> args, int i, String option) throws LaunchArgumentException {
        if (i + 1 >= args.size()) {
            throw new LaunchArgumentException("option " + option + " needs a value");
        }
        return args.get(i + 1);
    }
}
