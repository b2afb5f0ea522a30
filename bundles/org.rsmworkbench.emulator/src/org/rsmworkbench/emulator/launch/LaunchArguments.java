// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.internal.FileErrors;
import org.rsmworkbench.emulator.internal.RecordingFiles;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.RecordingSettings;
import org.rsmworkbench.rsmapi.Credentials;

/**
 * The parsed command line of {@code rsm-launch} (see {@link #USAGE}): the launch plan, the timeout, the
 * java launcher of the node JVMs, how the run is recorded (null: it is not), where its race report goes (null: races
 * are not detected), whether deadlocks are looked for, the distributed launch (null: a local cluster) and the faults of
 * its hosts. Every mistake is a {@link LaunchArgumentException} with a
 * one-line message.
 */
public record LaunchArguments(boolean help, LaunchPlan plan, Duration timeout, Path javaExecutable, RecordingSettings recording,
        Path races, boolean deadlockDetection, DistributedLaunch distributed, List<HostFault> hostFaults) {

    public static final String USAGE = """
            Usage: rsm-launch (--nodes N | --cluster FILE.rsmcluster) --cp CLASSPATH [options] MAIN-CLASS [-- ARGS...]

            Runs MAIN-CLASS in one JVM per node of an emulated RSM cluster (Rsm.open() in each gives that
            node's library). Output lines are prefixed with [node N]. The exit status is the worst node exit
            status: 0 if every node exits with 0, else the largest (137 for a killed node); 124 if --timeout
            expired; 2 for a bad argument; 125 for a deadlock.

            Deadlocks: when node processes have waited for each other for 1 s (each blocked in a signalWait without
            a timeout that only another of them could end, no event pending, no other thread of theirs running),
            rsm-launch prints on standard error the line DEADLOCK, then one line per node of the cycle:
              node N waits in signalWait on NODE:0xSEGMENT at File.java:LINE (woken only by node M, K)
            stops the cluster and exits with status 125.

            Cluster:
              --nodes N                 N nodes 1..N, one controller emu0 each, fully connected
              --cluster FILE            a cluster described in a .rsmcluster file (needs the model bundle)
            Program:
              --cp, --class-path PATH   the program's class path (entries separated by '%1$s'; repeatable)
              --on 1,3                  only these nodes run the program (default: every node)
              --jvm-arg ARG             a JVM argument for every node JVM (repeatable), e.g. --jvm-arg -ea
              --java PATH               the java launcher of the node JVMs, Java 25 or newer (default: the one
                                        running rsm-launch)
            Credentials of every node process (default uid 1000, gid 1000, no groups, umask 022):
              --uid N  --gid N  --groups G1,G2  --umask OCTAL  --privileged
            Per node (repeatable), NODE:KEY=VALUE, where KEY is one of
              --node 2:main=org.example.Other     another main class on node 2
              --node 2:args="a 'b c'"             other program arguments (split like a shell; quotes group)
              --node 2:jvm="-Xmx64m -ea"          JVM arguments added on node 2
              --node 2:uid=0  gid=  groups=1,2  umask=077  privileged=true
            Faults (repeatable), FAULT@TIME; TIME (500ms, 2s) counts from when every node program has opened its library;
            each is logged with the time it happened:
              --fault kill:2@500ms                    node 2 goes down (its JVM exits with 137)
              --fault restart:2@900ms                 node 2 comes up again, empty, and runs its program again
              --fault link-down:1/emu0-2/emu0@200ms   the link between 1/emu0 and 2/emu0 goes down
              --fault link-up:1/emu0-2/emu0@400ms     ... and up again
              --fault fail:1->2x3@100ms               the next 3 transfers from node 1 to node 2 fail
              --fault kill-host:beta@500ms            (with --hosts) the node JVMs on host beta are killed (SIGKILL)
              --fault host-link-down:alpha-beta@1s    (with --hosts) traffic between hosts alpha and beta is dropped
                                                      (a blackhole route to the other's address= on each, run through
                                                      the host's prefix: needs root there; refused for a link
                                                      between this machine and a host it reaches through ssh)
              --fault host-link-up:alpha-beta@2s      ... and flows again (rsm-launch heals what is cut when it ends)
            Recording (read it with rsm-trace):
              --record DIR              record every RSM call of every node into DIR (made 0700 if missing; else a
                                        folder of yours others cannot write to, holding no recording yet); the exit
                                        status is the same as without
              --record-limit SIZE       the most each node process's log holds (256m; k, m, g or bytes; 1m to 1024g)
              --record-at-limit stop|ring  a full log keeps its first events (stop, the default) or its last (ring)
              --record-call-sites all|control|none  which calls record the program's line that made them (control: all
                                        but put, get, putv, getv, which a stack walk would slow down about tenfold)
              --record-gets digest|full the bytes a get read, as a digest (default) or in full
            Race detection:
              --races REPORT.json       detect races on every node and write them to REPORT.json when the run ends
                                        (normally, with a failing node, or at --timeout); the exit status is the same as
                                        without. Checked: put, get, putv, getv, and loads and stores of RSM memory
                                        through MemorySegment get/set/getAtIndex/setAtIndex (value layouts),
                                        MemorySegment.copy (segment to segment), copyFrom and fill; not checked: VarHandles,
                                        ByteBuffer views, array copies and segments made from a raw address
            Distributed cluster (needs the org.rsmworkbench.distributed jar and ZooKeeper's; ./rsm-launch adds them):
              --zookeeper HOST:PORT     the cluster's registry is in this ZooKeeper ensemble (HOST:PORT,HOST:PORT,...)
              --zookeeper embedded      ... in an ensemble of one that rsm-launch starts and stops (on this machine's
                                        loopback: not with --hosts)
              --session-timeout T       how long a node process may go unheard before ZooKeeper declares it dead and
                                        its importers are disconnected (default 4s; the ensemble may bound it: by
                                        default between 2 and 20 times its tickTime). A link cut or a server change that
                                        lasts longer kills the processes it cuts off: give more where that may happen
              --hosts FILE              run the node JVMs on other hosts, as FILE says (needs --zookeeper HOST:PORT
                                        that every host reaches); without it every node runs on this machine. FILE has
                                        one line per host ('#' lines are comments; quotes as in a shell):
                                          host NAME nodes=LIST [run="PREFIX"] [java=PATH] [dir=PATH] [address=IP]
                                          classpath shared|shipped
                                          files shared|own
                                        e.g. host alpha nodes=1-4 run="ip netns exec alpha" address=10.9.0.1
                                        PREFIX runs a command there (default: ssh NAME); java, dir: the java launcher
                                        and working directory there; address: where the other hosts reach it (for
                                        host-link faults). classpath shared (the default): the class path, the JDK and
                                        the cluster directory have the same paths on every host. classpath shipped:
                                        rsm-launch copies the class path into DIR/rsm-classpath on each host (dir= on
                                        every host line; a tar stream through PREFIX, tar needed there) before its
                                        node JVMs start, and they use the copies. files shared (the
                                        default): the node JVMs use the launch's cluster directory (the same /tmp and
                                        /dev/shm on every host: network namespaces, containers). files own: each node
                                        JVM keeps the cluster's files in a directory of its own there, and shares
                                        nothing with the others but ZooKeeper and UCX.
            Other:
              --timeout T               kill every node still running after T (30s, 500ms, or seconds: 30)
              --no-deadlock-detection   do not look for deadlocks (a deadlocked launch then runs until --timeout)
              -h, --help                this text

            Example:
              rsm-launch --nodes 4 --cp bundles/org.rsmworkbench.examples/target/classes \\
                  org.rsmworkbench.examples.RingAllReduce -- 1000
            """.formatted(File.pathSeparator);

    private static final Pattern NODE_SETTING = Pattern.compile("([0-9]+):([a-z]+)=(.*)", Pattern.DOTALL);
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s)?");
    private static final Pattern SIZE = Pattern.compile("([0-9]{1,12})([kmg])?");

    /** Parses the arguments of {@code rsm-launch}. */
    public static LaunchArguments parse(List<String> args) throws LaunchArgumentException {
        int programArguments = args.indexOf("--");
        List<String> options = programArguments < 0 ? args : args.subList(0, programArguments);
        if (options.contains("--help") || options.contains("-h")) {
            return new LaunchArguments(true, null, null, null, null, null, false, null, List.of());
        }
        return new Parser(args).parse();
    }

    /**
     * The {@code value} of an option that names a file or folder: not empty (which would name the current folder), not
     * the next option (which is what a forgotten name gives).
     */
    static String fileName(String option, String value) throws LaunchArgumentException {
        if (value.isEmpty()) {
            throw new LaunchArgumentException("option " + option + " needs a file name, not an empty one");
        }
        if (value.startsWith("--")) {
            throw new LaunchArgumentException("option " + option + " needs a file name before " + value);
        }
        return value;
    }

    /** The ZooKeeper ensemble of a distributed cluster ({@code embedded}: one started by the launcher), or null for a local cluster. */
    public String zookeeper() {
        return distributed == null ? null : distributed.zookeeper();
    }

    /** The hosts the node JVMs run on, or null when they run on this machine. */
    public HostsFile hosts() {
        return distributed == null ? null : distributed.hosts();
    }

    /** The per-node credential fields given on the command line; unset ones (null) come from the defaults. */
    private static final class CredentialSettings {
        Integer uid;
        Integer gid;
        Set<Integer> groups;
        Integer umask;
        Boolean privileged;

        Credentials over(Credentials base) {
            return new Credentials(uid != null ? uid : base.uid(), gid != null ? gid : base.gid(),
                    groups != null ? groups : base.groups(), umask != null ? umask : base.umask(),
                    privileged != null ? privileged : base.privileged());
        }
    }

    private static final class Parser {
        private final List<String> args;
        private int next;
        /** The value glued to the current option with '=', if any. */
        private String inlineValue;

        private Integer nodeCount;
        private Path clusterFile;
        private final List<Path> classPath = new ArrayList<>();
        private List<Integer> onNodes;
        private final List<String> jvmArguments = new ArrayList<>();
        private Path java;
        private Duration timeout;
        private boolean deadlockDetection = true;
        private final CredentialSettings defaults = new CredentialSettings();
        private final Map<Integer, CredentialSettings> nodeCredentials = new LinkedHashMap<>();
        private final Map<Integer, Map<String, String>> nodeSettings = new LinkedHashMap<>();
        private final List<ScheduledFault> faults = new ArrayList<>();
        private String mainClass;
        private List<String> programArguments = List.of();
        private Path recordDirectory;
        private Path races;
        private String zookeeper;
        private Duration sessionTimeout;
        private Path hostsFile;
        private final List<HostFault> hostFaults = new ArrayList<>();
        private long recordLimit = RecordingSettings.DEFAULT_LIMIT;
        private RecordingSettings.AtLimit recordAtLimit = RecordingSettings.AtLimit.STOP;
        private RecordingSettings.CallSites recordCallSites = RecordingSettings.CallSites.CONTROL;
        private Boolean recordFullGets;
        /** Whether a --record-* option other than --record was given (it needs --record). */
        private String recordOption;

        Parser(List<String> args) {
            this.args = args;
        }

        LaunchArguments parse() throws LaunchArgumentException {
            while (next < args.size()) {
                String arg = args.get(next++);
                if (arg.equals("--")) {
                    programArguments = List.copyOf(args.subList(next, args.size()));
                    break;
                }
                if (arg.startsWith("-")) {
                    option(arg);
                } else if (mainClass == null) {
                    mainClass = arg;
                } else {
                    throw new LaunchArgumentException("unexpected argument \"" + arg + "\" after the main class "
                            + mainClass + ": program arguments go after --");
                }
            }
            LaunchPlan plan = plan();
            DistributedLaunch distributed = DistributedLaunch.of(zookeeper, sessionTimeout, hostsFile, plan, hostFaults);
            return new LaunchArguments(false, plan, timeout, java, recording(), races, deadlockDetection, distributed,
                    List.copyOf(hostFaults));
        }

        private void option(String arg) throws LaunchArgumentException {
            int equals = arg.indexOf('=');
            String name = equals > 0 && arg.startsWith("--") ? arg.substring(0, equals) : arg;
            inlineValue = equals > 0 && arg.startsWith("--") ? arg.substring(equals + 1) : null;
            if (name.startsWith("--record-")) {
                recordOption = name;
            }
            switch (name) {
                case "--nodes" -> nodeCount = positive(name, value(name));
                case "--cluster" -> clusterFile = Path.of(fileName(name));
                case "--cp", "--class-path", "-cp" -> {
                    for (String entry : fileName(name).split(Pattern.quote(File.pathSeparator))) {
                        if (!entry.isEmpty()) {
                            classPath.add(Path.of(entry));
                        }
                    }
                }
                case "--on" -> onNodes = numbers(name, value(name));
                case "--jvm-arg" -> jvmArguments.add(value(name));
                case "--java" -> java = java(name, value(name));
                case "--timeout" -> timeout = duration(name, value(name));
                case "--uid" -> defaults.uid = number(name, value(name));
                case "--gid" -> defaults.gid = number(name, value(name));
                case "--groups" -> defaults.groups = Set.copyOf(numbers(name, value(name)));
                case "--umask" -> defaults.umask = umask(name, value(name));
                case "--privileged" -> {
                    if (inlineValue != null) {
                        throw new LaunchArgumentException("option --privileged takes no value (per node: --node N:privileged=true)");
                    }
                    defaults.privileged = true;
                }
                case "--no-deadlock-detection" -> {
                    if (inlineValue != null) {
                        throw new LaunchArgumentException("option --no-deadlock-detection takes no value");
                    }
                    deadlockDetection = false;
                }
                case "--node" -> nodeSetting(value(name));
                case "--fault" -> fault(value(name));
                case "--record" -> recordDirectory = recordDirectory(fileName(name));
                case "--races" -> races = RaceRun.reportFile(fileName(name));
                case "--zookeeper" -> zookeeper = DistributedLaunch.checkZooKeeper(value(name));
                case "--session-timeout" -> sessionTimeout = duration(name, value(name));
                case "--hosts" -> hostsFile = Path.of(fileName(name));
                case "--record-limit" -> recordLimit = size(name, value(name));
                case "--record-at-limit" -> recordAtLimit = choice(name, value(name), RecordingSettings.AtLimit.class);
                case "--record-call-sites" -> recordCallSites = choice(name, value(name), RecordingSettings.CallSites.class);
                case "--record-gets" -> recordFullGets = switch (value(name)) {
                    case "full" -> true;
                    case "digest" -> false;
                    default -> throw new LaunchArgumentException(name + ": \"" + args.get(next - 1) + "\" is not digest or full");
                };
                default -> throw new LaunchArgumentException("unknown option " + name);
            }
        }

        private String value(String option) throws LaunchArgumentException {
            if (inlineValue != null) {
                return inlineValue;
            }
            if (next >= args.size()) {
                throw new LaunchArgumentException("option " + option + " needs a value");
            }
            return args.get(next++);
        }

        private String fileName(String option) throws LaunchArgumentException {
            return LaunchArguments.fileName(option, value(option));
        }

        private void nodeSetting(String setting) throws LaunchArgumentException {
            Matcher m = NODE_SETTING.matcher(setting);
            if (!m.matches()) {
                throw new LaunchArgumentException("--node \"" + setting + "\" is not NODE:KEY=VALUE (e.g. 2:main=org.example.Other)");
            }
            int node = number("--node", m.group(1));
            String key = m.group(2);
            String value = m.group(3);
            String option = "--node " + node + ":" + key;
            switch (key) {
                case "main", "args", "jvm" -> nodeSettings.computeIfAbsent(node, _ -> new LinkedHashMap<>()).put(key, value);
                case "uid" -> credentialsOf(node).uid = number(option, value);
                case "gid" -> credentialsOf(node).gid = number(option, value);
                case "groups" -> credentialsOf(node).groups = Set.copyOf(numbers(option, value));
                case "umask" -> credentialsOf(node).umask = umask(option, value);
                case "privileged" -> credentialsOf(node).privileged = bool(option, value);
                default -> throw new LaunchArgumentException("--node " + setting + ": unknown key \"" + key
                        + "\" (keys: main, args, jvm, uid, gid, groups, umask, privileged)");
            }
        }

        private RecordingSettings recording() throws LaunchArgumentException {
            if (recordDirectory == null) {
                if (recordOption != null) {
                    throw new LaunchArgumentException(recordOption + " needs --record DIR");
                }
                return null;
            }
            return new RecordingSettings(recordDirectory, recordLimit, recordAtLimit, recordCallSites,
                    recordFullGets != null && recordFullGets);
        }

        /**
         * A folder for a new recording: missing (it is made), or a private folder of this user ({@link RecordingFiles})
         * that holds no event log.
         */
        private static Path recordDirectory(String text) throws LaunchArgumentException {
            Path directory;
            try {
                directory = RecordingFiles.checkFolder(Path.of(text));
            } catch (IOException e) {
                throw new LaunchArgumentException("--record: " + FileErrors.describe(e));
            }
            if (Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
                try (var files = Files.list(directory)) {
                    if (files.anyMatch(f -> f.getFileName().toString().endsWith(Recording.LOG_SUFFIX))) {
                        throw new LaunchArgumentException("--record: " + text + " already holds a recording: give a new folder");
                    }
                } catch (IOException e) {
                    throw new LaunchArgumentException("--record: cannot read " + FileErrors.describe(e));
                }
            }
            return directory;
        }

        private static long size(String option, String text) throws LaunchArgumentException {
            Matcher m = SIZE.matcher(text.toLowerCase(Locale.ROOT));
            if (m.matches()) {
                long number = Long.parseLong(m.group(1));
                int shift = switch (m.group(2) == null ? "" : m.group(2)) {
                    case "k" -> 10;
                    case "m" -> 20;
                    case "g" -> 30;
                    default -> 0;
                };
                // compared before the shift, which could overflow
                if (number <= RecordingSettings.MAX_LIMIT >> shift && number << shift >= 1 << 20) {
                    return number << shift;
                }
            }
            throw new LaunchArgumentException(option + ": \"" + text + "\" is not a size from 1 MiB to "
                    + (RecordingSettings.MAX_LIMIT >> 30) + "g like 64m, 1g or 1048576");
        }

        private static <E extends Enum<E>> E choice(String option, String text, Class<E> choices) throws LaunchArgumentException {
            for (E choice : choices.getEnumConstants()) {
                if (choice.name().equalsIgnoreCase(text)) {
                    return choice;
                }
            }
            throw new LaunchArgumentException(option + ": \"" + text + "\" is not one of " + Arrays.stream(choices.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }

        private CredentialSettings credentialsOf(int node) {
            return nodeCredentials.computeIfAbsent(node, _ -> new CredentialSettings());
        }

        private LaunchPlan plan() throws LaunchArgumentException {
            if (mainClass == null) {
                throw new LaunchArgumentException("no main class: name it after the options, e.g."
                        + " rsm-launch --nodes 2 --cp classes org.example.Main");
            }
            LaunchPlan.Builder builder = LaunchPlan.builder(cluster()).classPath(classPath).jvmArguments(jvmArguments)
                    .mainClass(mainClass).arguments(programArguments);
            Credentials base = defaults.over(LaunchPlan.DEFAULT_CREDENTIALS);
            builder.credentials(base);
            if (onNodes != null) {
                builder.onNodes(onNodes);
            }
            try {
                nodeCredentials.forEach((node, settings) -> builder.credentials(node, settings.over(base)));
                for (var entry : nodeSettings.entrySet()) {
                    int node = entry.getKey();
                    for (var setting : entry.getValue().entrySet()) {
                        switch (setting.getKey()) {
                            case "main" -> builder.mainClass(node, setting.getValue());
                            case "args" -> builder.arguments(node, ShellWords.split("--node " + node + ":args", setting.getValue()));
                            default -> builder.jvmArguments(node, ShellWords.split("--node " + node + ":jvm", setting.getValue()));
                        }
                    }
                }
                faults.forEach(builder::fault);
                LaunchPlan plan = builder.build();
                requireMainClassesOnClassPath(plan);
                return plan;
            } catch (IllegalArgumentException e) {
                throw new LaunchArgumentException(e.getMessage());
            }
        }

        private ClusterSpec cluster() throws LaunchArgumentException {
            if (nodeCount != null && clusterFile != null) {
                throw new LaunchArgumentException("give either --nodes or --cluster, not both");
            }
            if (nodeCount != null) {
                try {
                    return ClusterSpec.fullyConnected(nodeCount);
                } catch (IllegalArgumentException e) {
                    throw new LaunchArgumentException("--nodes " + nodeCount + ": " + e.getMessage());
                }
            }
            if (clusterFile == null) {
                throw new LaunchArgumentException("no cluster: give --nodes N or --cluster FILE.rsmcluster");
            }
            if (!Files.exists(clusterFile)) {
                throw new LaunchArgumentException("--cluster: file " + clusterFile + " does not exist");
            }
            if (!Files.isRegularFile(clusterFile)) {
                throw new LaunchArgumentException("--cluster: " + clusterFile
                        + " is not a regular file (a directory, FIFO or device): give a .rsmcluster file");
            }
            try {
                return ClusterFileReader.readCluster(clusterFile);
            } catch (IOException e) {
                throw new LaunchArgumentException("--cluster: " + e.getMessage());
            }
        }

        private static void requireMainClassesOnClassPath(LaunchPlan plan) throws LaunchArgumentException {
            List<Path> everything = new ArrayList<>(plan.classPath());
            everything.addAll(ClassPathEntries.runtime());
            for (NodeLaunch node : plan.nodes()) {
                if (!ClassPathEntries.contain(everything, node.mainClass())) {
                    throw new LaunchArgumentException("main class " + node.mainClass() + " (node " + node.nodeId()
                            + ") is not on the class path " + plan.classPath() + " (give it with --cp)");
                }
            }
        }

        private void fault(String text) throws LaunchArgumentException {
            try {
                if (HostFault.isHostFault(text)) {
                    hostFaults.add(HostFault.parse(text));
                } else {
                    faults.add(ScheduledFault.parse(text));
                }
            } catch (IllegalArgumentException e) {
                throw new LaunchArgumentException("--fault: " + e.getMessage());
            }
        }

        private static int number(String option, String text) throws LaunchArgumentException {
            if (!text.matches("[0-9]{1,9}")) {
                throw new LaunchArgumentException(option + ": \"" + text + "\" is not a number");
            }
            return Integer.parseInt(text);
        }

        private static int positive(String option, String text) throws LaunchArgumentException {
            int n = number(option, text);
            if (n < 1) {
                throw new LaunchArgumentException(option + ": must be at least 1, not " + n);
            }
            return n;
        }

        private static List<Integer> numbers(String option, String text) throws LaunchArgumentException {
            List<Integer> numbers = new ArrayList<>();
            for (String part : text.split(",", -1)) {
                numbers.add(number(option, part.trim()));
            }
            return List.copyOf(new LinkedHashSet<>(numbers));
        }

        private static int umask(String option, String text) throws LaunchArgumentException {
            if (!text.matches("[0-7]{1,4}") || Integer.parseInt(text, 8) > 0777) {
                throw new LaunchArgumentException(option + ": \"" + text + "\" is not an octal umask like 022");
            }
            return Integer.parseInt(text, 8);
        }

        private static boolean bool(String option, String text) throws LaunchArgumentException {
            return switch (text) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new LaunchArgumentException(option + ": \"" + text + "\" is not true or false");
            };
        }

        private static Duration duration(String option, String text) throws LaunchArgumentException {
            Matcher m = DURATION.matcher(text);
            if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
                throw new LaunchArgumentException(option + ": \"" + text + "\" is not a duration like 30s, 500ms or 30 (seconds)");
            }
            long amount = Long.parseLong(m.group(1));
            return "ms".equals(m.group(2)) ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
        }

        /** A java launcher of Java {@value JavaRelease#MINIMUM} or newer, as far as its JDK's release file tells. */
        private static Path java(String option, String text) throws LaunchArgumentException {
            Path path = Path.of(text);
            if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
                throw new LaunchArgumentException(option + ": " + text + " is not an executable file");
            }
            Optional<String> version = JavaRelease.versionOf(path);
            if (version.isPresent() && JavaRelease.tooOld(version.get())) {
                throw new LaunchArgumentException(option + ": " + text + " is Java " + version.get() + "; node JVMs need Java "
                        + JavaRelease.MINIMUM + " or newer");
            }
            return path;
        }
    }
}
