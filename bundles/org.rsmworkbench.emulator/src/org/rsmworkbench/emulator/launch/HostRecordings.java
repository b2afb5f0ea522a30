// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rsmworkbench.emulator.internal.RecordingFiles;
import org.rsmworkbench.emulator.internal.TraceFormat;
import org.rsmworkbench.emulator.trace.RecordingSettings;

/**
 * The recording of node JVMs on hosts that share no files with the launcher ({@code files own} in the hosts file): each
 * records into {@value #FOLDER}{@code /NAME} of its working directory there (NAME: the recording folder's name); when the
 * launch ends, the launcher copies their logs into the recording folder through each host's run prefix and removes them
 * there. A log is copied up to its last claimed chunk and made as long as it was again (the rest of a log is never
 * written: its file there is sparse, and so is the copy). Until then the views of a running launch see no event of
 * those nodes.
 */
final class HostRecordings {
    /** The folder of a node JVM's working directory on its host that holds the logs until they are copied. */
    static final String FOLDER = "rsm-recordings";
    /** The logs a node JVM writes, and nothing else, are copied: {@code node<N>-<pid>.rsmlog}. */
    private static final Pattern NODE_LOG = Pattern.compile("node[0-9]{1,9}-[0-9]{1,19}\\.rsmlog");
    /** A copy's header line: the log's name, its length and the length sent (its claimed chunks). */
    private static final Pattern HEADER = Pattern.compile("(\\S+) ([0-9]{1,19}) ([0-9]{1,19})");
    private static final int MAX_HEADER_LINE = 256;
    /**
     * Run by the host's shell in the node JVMs' working directory with the recording's folder there as $1: for each log,
     * a line "NAME LENGTH SENT", then its first SENT bytes. The count of claimed chunks is read from the log's header
     * (little-endian, as the hosts that run node JVMs are); without od, or with a count beyond the file, all of it is sent.
     */
    private static final String SEND = "cd \"$1\" 2>/dev/null || exit 0; for f in node*.rsmlog; do [ -f \"$f\" ] || continue;"
            + " size=$(wc -c < \"$f\" | tr -d ' '); claimed=$(od -An -t u8 -j " + TraceFormat.H_CLAIMED + " -N 8 \"$f\" 2>/dev/null"
            + " | tr -d ' '); sent=$size; case \"$claimed\" in ''|*[!0-9]*) ;; *) used=$((" + TraceFormat.HEADER_SIZE
            + " + claimed * " + TraceFormat.CHUNK_SIZE + ")); [ \"$used\" -lt \"$size\" ] && sent=$used;; esac;"
            + " echo \"$f $size $sent\"; head -c \"$sent\" \"$f\" || exit 1; done";
    /** Run by the host's shell after a copy: removes the recording's folder there, and {@value #FOLDER} when empty. */
    private static final String REMOVE = "rm -rf -- \"$1\"; rmdir " + FOLDER + " 2>/dev/null; exit 0";

    private HostRecordings() {
    }

    /**
     * The -D options of a node JVM on a host that shares no files: {@code settings}, into the recording's folder of
     * {@value #FOLDER} in its working directory.
     */
    static List<String> systemProperties(RecordingSettings settings) {
        return settings.systemProperties(hostFolder(settings.directory()).toString());
    }

    /** The folder on the hosts that holds the logs of the recording in {@code directory}, relative to the node JVMs' working directory. */
    static Path hostFolder(Path directory) {
        return Path.of(FOLDER, directory.getFileName().toString());
    }

    /**
     * Copies the logs of {@code host}'s node JVMs into {@code directory} and removes them there.
     *
     * @return how many logs were copied
     * @throws IOException that names the host and where its logs stay
     */
    static int gather(HostsFile.Host host, Path directory) throws IOException {
        String folder = hostFolder(directory).toString();
        String where = "on host " + host.name() + " in " + (host.directory() == null ? "" : host.directory() + "/") + folder;
        Process process = new ProcessBuilder(host.command(List.of("sh", "-c", SEND, "rsm-gather", folder))).start();
        process.getOutputStream().close();
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        int copied;
        try (InputStream in = new BufferedInputStream(process.getInputStream())) {
            copied = receive(in, directory);
        } catch (IOException e) {
            process.destroyForcibly();
            throw new IOException("the logs of host " + host.name() + "'s nodes were not all copied (" + e.getMessage()
                    + "): they stay " + where, e);
        }
        int status = waitFor(process);
        if (status != 0) {
            throw new IOException("the logs of host " + host.name() + "'s nodes were not all copied (the copy command exited with "
                    + status + ": " + errors.join().strip() + "): they stay " + where);
        }
        waitFor(new ProcessBuilder(host.command(List.of("sh", "-c", REMOVE, "rsm-gather", folder)))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start());
        return copied;
    }

    /** Reads the logs that {@link #SEND} writes into {@code directory}, each a new file there; returns how many. */
    static int receive(InputStream in, Path directory) throws IOException {
        int count = 0;
        for (String line = line(in); line != null; line = line(in)) {
            Matcher header = HEADER.matcher(line);
            if (!header.matches() || !NODE_LOG.matcher(header.group(1)).matches()) {
                throw new IOException("unexpected line from the host: \"" + line + "\"");
            }
            long length = Long.parseLong(header.group(2));
            long sent = Long.parseLong(header.group(3));
            if (sent > length) {
                throw new IOException("the host sends more of " + header.group(1) + " than it holds");
            }
            Path file = directory.resolve(header.group(1));
            // a new file of ours: never one that is there (a log of this machine's nodes, or anything else)
            try (FileChannel channel = RecordingFiles.createLog(file); OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                copy(in, out, sent);
                if (length > sent) {
                    channel.write(ByteBuffer.allocate(1), length - 1); // as long as it was: its unwritten end a hole
                }
            }
            count++;
        }
        return count;
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[1 << 16];
        for (long left = length; left > 0;) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("the host's copy ended " + left + " bytes early");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    /** The next line (without its end), or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                if (bytes.size() == 0) {
                    return null;
                }
                throw new EOFException("the host's copy ended inside a line");
            }
            if (bytes.size() == MAX_HEADER_LINE) {
                throw new IOException("unexpected output from the host: a line longer than " + MAX_HEADER_LINE + " bytes");
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int waitFor(Process process) throws IOException {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
