// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import static org.rsmworkbench.emulator.internal.Errors.error;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.rsmworkbench.emulator.ClusterLockTimeoutException;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.backend.ClusterRegistry;
import org.rsmworkbench.emulator.backend.DistributedBackend;
import org.rsmworkbench.emulator.race.internal.RaceHooks;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.RecordingSettings;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.rsmapi.spi.RsmLibraryProvider;

/**
 * {@code Rsm.open()} in a node JVM: joins the cluster named by the launcher's system properties as
 * one process of one node. The JVM exits with status 137 when its node is killed or the cluster stops.
 */
public final class EmulatorProvider implements RsmLibraryProvider {
    private static RsmLibrary library;

    @Override
    public RsmLibrary open(Properties p) throws RsmException {
        synchronized (EmulatorProvider.class) {
            if (library != null && !(library instanceof ProcessLibrary process && process.isClosed())
                    && !(library instanceof RecordedLibrary recorded && recorded.isClosed())) {
                return library;
            }
            int node = intProperty(p, "rsm.node", null, 10);
            Credentials credentials = new Credentials(intProperty(p, "rsm.uid", "0", 10), intProperty(p, "rsm.gid", "0", 10),
                    groups(p.getProperty("rsm.groups", "")), intProperty(p, "rsm.umask", "022", 8),
                    Boolean.parseBoolean(p.getProperty("rsm.privileged", "false")));
            String connectString = p.getProperty(DistributedBackend.PROPERTY);
            ClusterDirectory ownDirectory = connectString != null
                    && Boolean.parseBoolean(p.getProperty(DistributedBackend.OWN_DIRECTORY_PROPERTY)) ? ownDirectory(connectString) : null;
            ClusterRuntime runtime = ownDirectory != null ? attachOwn(ownDirectory) : attach(p);
            RsmLibrary process;
            try {
                process = newProcess(runtime, node, credentials, connectString, ownDirectory != null, p);
            } catch (RsmException | RuntimeException e) {
                if (ownDirectory != null) {
                    discard(ownDirectory, runtime);
                }
                throw e;
            }
            runtime.haltWhenNodeDies();
            if (ownDirectory != null) {
                runtime.publishWaitsToRegistries(); // no launcher reads this JVM's files
            }
            RsmLibrary opened = process;
            Runnable exit = ownDirectory == null ? process::close : () -> {
                try {
                    opened.close();
                } finally {
                    discard(ownDirectory, runtime);
                }
            };
            Runtime.getRuntime().addShutdownHook(JvmExit.hook(exit));
            library = process;
            return process;
        }
    }

    /** Joins the cluster directory the launch named in {@code rsm.cluster}. */
    private static ClusterRuntime attach(Properties p) throws RsmException {
        String named = p.getProperty("rsm.cluster");
        if (named == null) {
            throw error(RsmError.CTLR_NOT_PRESENT, "system property rsm.cluster is not set: launch node programs with"
                    + " EmulatedCluster.processArguments");
        }
        Path directory = Path.of(named);
        try {
            return ClusterDirectory.open(directory).attach();
        } catch (IOException e) {
            throw error(RsmError.CTLR_NOT_PRESENT, "cannot join the RSM cluster in %s: %s", directory, e.getMessage());
        } catch (ClusterLockTimeoutException e) {
            throw error(RsmError.INSUFFICIENT_RESOURCES, "cannot join the RSM cluster in %s now: %s", directory,
                    e.getMessage());
        }
    }

    /**
     * A cluster directory of this JVM's own for the distributed cluster whose registry is at {@code connectString}, made
     * from the spec in the registry: the node shares no file with the launcher nor with the other nodes.
     */
    private static ClusterDirectory ownDirectory(String connectString) throws RsmException {
        ClusterSpec spec = backend(connectString).spec(connectString);
        try {
            return ClusterDirectory.create(spec, null);
        } catch (IOException e) {
            throw error(RsmError.INSUFFICIENT_RESOURCES, "cannot make this node's own cluster directory (%s=true): %s",
                    DistributedBackend.OWN_DIRECTORY_PROPERTY, e.getMessage());
        }
    }

    private static ClusterRuntime attachOwn(ClusterDirectory directory) throws RsmException {
        try {
            return directory.attach();
        } catch (IOException e) {
            directory.remove();
            throw error(RsmError.INSUFFICIENT_RESOURCES, "cannot open this node's own cluster directory %s: %s", directory.path(),
                    e.getMessage());
        }
    }

    /** Detaches from this JVM's own cluster directory and removes it. */
    private static void discard(ClusterDirectory directory, ClusterRuntime runtime) {
        try {
            directory.detach(runtime);
        } finally {
            directory.remove();
        }
    }

    /**
     * A process of {@code node}, of a distributed cluster when {@code connectString} names its registry (in whose files,
     * its own or the launch's, {@code runtime} is), maybe recorded.
     */
    private static RsmLibrary newProcess(ClusterRuntime runtime, int node, Credentials credentials, String connectString,
            boolean ownFiles, Properties p) throws RsmException {
        long start = System.nanoTime();
        RsmLibrary process;
        if (connectString == null) {
            process = runtime.newProcess(node, credentials);
        } else {
            Duration sessionTimeout = Duration.ofMillis(intProperty(p, DistributedBackend.SESSION_TIMEOUT_PROPERTY,
                    String.valueOf(DistributedBackend.DEFAULT_SESSION_TIMEOUT.toMillis()), 10));
            ClusterRegistry registry = backend(connectString).join(connectString, sessionTimeout, runtime.spec, node, credentials, runtime,
                    ownFiles);
            try {
                process = runtime.newProcess(node, credentials, registry);
            } catch (RsmException | RuntimeException e) {
                registry.close();
                throw e;
            }
        }
        RecordingSettings recording = recordingSettings(p);
        return recording == null ? process : recorded(process, node, recording, start);
    }

    /** The backend bundle on the class path for the distributed cluster whose registry is at {@code connectString}. */
    private static DistributedBackend backend(String connectString) throws RsmException {
        DistributedBackend backend = DistributedBackend.find().orElse(null);
        if (backend == null) {
            throw error(RsmError.CTLR_NOT_PRESENT, "system property %s=%s names a distributed cluster, but no backend for it is"
                    + " found: %s", DistributedBackend.PROPERTY, connectString, DistributedBackend.MISSING);
        }
        return backend;
    }

    private static RecordingSettings recordingSettings(Properties p) throws RsmException {
        try {
            return RecordingSettings.fromSystemProperties(p);
        } catch (IllegalArgumentException e) {
            throw error(RsmError.BAD_ARGS_ERRORS, "the recording system properties (%s.*) are wrong: %s",
                    RecordingSettings.DIRECTORY_PROPERTY, e.getMessage());
        }
    }

    /**
     * The process as one that records its calls into {@code node<N>-<pid>.rsmlog} in the recording folder; its
     * open, which began at {@code start}, is its first event.
     */
    private static RsmLibrary recorded(RsmLibrary process, int node, RecordingSettings recording, long start) throws RsmException {
        long pid = ProcessHandle.current().pid();
        String name = "node" + node + "-" + pid + Recording.LOG_SUFFIX;
        Path file = recording.directory().resolve(name);
        TraceLog log;
        try {
            // checked again here: the folder the launcher checked may have been swapped since
            file = RecordingFiles.prepareFolder(recording.directory()).resolve(name);
            log = TraceLog.create(file, node, pid, System.getProperty("sun.java.command", "").split(" ", 2)[0], recording);
        } catch (IOException e) {
            process.close();
            throw error(RsmError.INSUFFICIENT_RESOURCES, "cannot record into %s: %s", file, e.getMessage());
        }
        log.call(EventKind.LIBRARY_OPEN, start, 0, 0, 0, 0);
        if (Boolean.getBoolean(RaceHooks.PROPERTY)) {
            RaceHooks.attach(log);
        } else {
            RaceHooks.nameCallSites(log); // a JVM without the agent names none: its events' sites come from stack walks
        }
        return new RecordedLibrary(process, log);
    }

    private static int intProperty(Properties p, String name, String fallback, int radix) throws RsmException {
        String value = p.getProperty(name, fallback);
        if (value == null) {
            throw error(RsmError.CTLR_NOT_PRESENT, "system property %s is not set: launch node programs with EmulatedCluster.processArguments", name);
        }
        try {
            return Integer.parseInt(value.trim(), radix);
        } catch (NumberFormatException e) {
            throw error(RsmError.CTLR_NOT_PRESENT, "system property %s=%s is not a %s number", name, value,
                    radix == 8 ? "octal" : "decimal");
        }
    }

    private static Set<Integer> groups(String value) throws RsmException {
        try {
            return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf)
                    .collect(Collectors.toSet());
        } catch (NumberFormatException e) {
            throw error(RsmError.CTLR_NOT_PRESENT, "system property rsm.groups=%s is not a comma-separated list of gids", value);
        }
    }
}
