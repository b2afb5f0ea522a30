// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The class path of a launch across hosts with {@code classpath shipped}: before the node JVMs of a host start, the
 * launcher streams the class path entries as a tar archive into {@code PREFIX sh -c 'mkdir -p DIR && cd DIR && ... tar -x'}
 * on the host, which unpacks them into the folder {@value #FOLDER} of the host's {@code dir=} (emptied first: one launch
 * at a time per {@code dir=}); the i-th entry becomes {@code rsm-classpath/i-NAME} (a jar, or a folder with the classes
 * folder's content). The node JVMs there run in {@code dir=}, so their class path names the copies relative to it.
 */
public final class ShippedClassPath {
    /** The folder of a host's {@code dir=} that receives the class path. */
    public static final String FOLDER = "rsm-classpath";
    /** The exit status of the copy command when the host has no tar (as a shell's "command not found"). */
    private static final int NO_TAR = 127;
    /** The exit status of the copy command when the host's {@code dir=} is not a folder that only this user may change. */
    private static final int NOT_PRIVATE = 125;
    /**
     * Run by the host's shell with the host's {@code dir=} as $1: makes it (private), checks that it is a folder of this user
     * that nobody else may write to (not a link: another user who made it first could put classes there that the node JVMs
     * would run, or links that the removal of a recording there would follow), replaces the folder of the copies, unpacks the
     * archive from standard input there.
     */
    private static final String UNPACK = "command -v tar >/dev/null 2>&1 || { echo 'tar: not found' >&2; exit " + NO_TAR + "; }"
            + " && umask 077 && mkdir -p \"$1\" && { [ ! -L \"$1\" ] && [ -O \"$1\" ] && [ -z \"$(find \"$1\" -maxdepth 0 -perm /022)\" ]"
            + " || { echo 'rsm-ship: not private' >&2; exit " + NOT_PRIVATE + "; }; }"
            + " && cd \"$1\" && rm -rf " + FOLDER + " && mkdir " + FOLDER + " && exec tar -x -f - -C " + FOLDER;
    private static final int BLOCK = 512;

    private ShippedClassPath() {
    }

    /** The class path of the node JVMs of a host: each entry's copy, relative to the host's {@code dir=}. */
    public static List<String> copies(List<Path> entries) {
        List<String> copies = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            copies.add(FOLDER + "/" + name(i, entries.get(i)));
        }
        return copies;
    }

    private static String name(int index, Path entry) {
        Path fileName = entry.toAbsolutePath().normalize().getFileName();
        return index + "-" + (fileName == null ? "root" : fileName.toString());
    }

    /**
     * Copies {@code entries} to {@code host} (into {@value #FOLDER} of its {@code dir=}) through its run prefix.
     *
     * @throws IOException that names the host and says what to do when the copy fails
     */
    public static void ship(HostsFile.Host host, List<Path> entries) throws IOException {
        List<String> command = host.commandInPlace(List.of("sh", "-c", UNPACK, "rsm-ship", host.directory()));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException("cannot copy the class path to host " + host.name() + ": " + String.join(" ", command) + " does not run ("
                    + e.getMessage() + "): correct run= of host " + host.name() + " in the hosts file", e);
        }
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        IOException writing = null;
        try (OutputStream archive = process.getOutputStream()) {
            write(entries, archive);
        } catch (IOException e) {
            writing = e; // the host's side ended early: its exit status and messages say why
        }
        int status;
        try {
            status = process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("copying the class path to host " + host.name() + " was interrupted", e);
        }
        String messages = errors.join().strip();
        String where = host.directory() + "/" + FOLDER;
        if (status == NOT_PRIVATE && messages.contains("rsm-ship: not private")) {
            throw new IOException("cannot copy the class path to host " + host.name() + ": its dir= " + host.directory() + " is a link,"
                    + " or not yours, or others may write to it (they could put classes there that the node JVMs would run): give a"
                    + " folder of your own there that only you may write to (chmod go-w), or one that does not exist yet");
        }
        if (status == NO_TAR && messages.contains("tar: not found")) {
            throw new IOException("cannot copy the class path to host " + host.name() + ": it has no tar: install tar there, or copy the"
                    + " class path there yourself and write classpath shared in the hosts file");
        }
        String failure = status != 0 ? "the copy command exited with " + status
                : writing != null ? "writing to it failed: " + writing.getMessage() : null;
        if (failure != null) {
            throw new IOException("cannot copy the class path to host " + host.name() + " (" + where + "): " + failure
                    + (messages.isEmpty() ? "" : ": " + messages) + ": check that " + String.join(" ", host.prefix())
                    + " runs commands there and that dir= is a folder you may write", writing);
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** Writes the entries as a POSIX tar archive (ustar, with pax headers for long names): entry i as {@code i-NAME}. */
    static void write(List<Path> entries, OutputStream out) throws IOException {
        for (int i = 0; i < entries.size(); i++) {
            Path entry = entries.get(i);
            String name = name(i, entry);
            if (!Files.isDirectory(entry)) {
                file(out, name, entry);
                continue;
            }
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(entry)) {
                paths = walk.sorted().toList();
            }
            for (Path path : paths) {
                String relative = entry.relativize(path).toString().replace('\\', '/');
                String archived = relative.isEmpty() ? name : name + "/" + relative;
                if (Files.isDirectory(path)) {
                    header(out, archived + "/", '5', 0755, 0);
                } else if (Files.isRegularFile(path)) {
                    file(out, archived, path);
                }
            }
        }
        out.write(new byte[2 * BLOCK]); // the end of the archive
    }

    private static void file(OutputStream out, String name, Path path) throws IOException {
        long size = Files.size(path);
        header(out, name, '0', executable(path) ? 0755 : 0644, size);
        long copied = Files.copy(path, out);
        if (copied != size) {
            throw new IOException(path + " changed while it was copied");
        }
        out.write(new byte[(int) ((BLOCK - size % BLOCK) % BLOCK)]);
    }

    private static boolean executable(Path path) {
        try {
            return Files.getPosixFilePermissions(path).contains(PosixFilePermission.OWNER_EXECUTE);
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }

    /** A ustar header; a name longer than its field goes first in a pax extended header. */
    private static void header(OutputStream out, String name, char type, int mode, long size) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        if (nameBytes.length > 100) {
            byte[] record = paxRecord("path", name);
            out.write(block("PaxHeader/" + Math.abs(name.hashCode()), 'x', 0644, record.length));
            out.write(record);
            out.write(new byte[(BLOCK - record.length % BLOCK) % BLOCK]);
            name = "long-name"; // tar takes the pax header's path
        }
        out.write(block(name, type, mode, size));
    }

    /** {@code "LENGTH KEY=VALUE\n"}, whose length counts its own digits. */
    private static byte[] paxRecord(String key, String value) {
        int body = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8).length;
        int length = body + String.valueOf(body).length();
        if (String.valueOf(length).length() != String.valueOf(body).length()) {
            length++;
        }
        return (length + " " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] block(String name, char type, int mode, long size) {
        ByteArrayOutputStream header = new ByteArrayOutputStream(BLOCK);
        field(header, name, 100);
        field(header, octal(mode, 7), 8);
        field(header, octal(0, 7), 8); // uid
        field(header, octal(0, 7), 8); // gid
        field(header, octal(size, 11), 12);
        field(header, octal(System.currentTimeMillis() / 1000, 11), 12);
        field(header, "        ", 8); // the checksum counts its own field as blanks
        header.write(type);
        field(header, "", 100); // link name
        field(header, "ustar", 6);
        field(header, "00", 2);
        byte[] block = new byte[BLOCK];
        byte[] written = header.toByteArray();
        System.arraycopy(written, 0, block, 0, written.length);
        int checksum = 0;
        for (byte b : block) {
            checksum += b & 0xff;
        }
        byte[] sum = (octal(checksum, 6) + "\0 ").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(sum, 0, block, 148, sum.length);
        return block;
    }

    private static String octal(long value, int digits) {
        String text = Long.toOctalString(value);
        if (text.length() > digits) {
            throw new IllegalArgumentException(value + " does not fit a tar header field");
        }
        return "0".repeat(digits - text.length()) + text;
    }

    /** {@code text} in a field of {@code width} bytes, NUL-padded. */
    private static void field(ByteArrayOutputStream header, String text, int width) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        header.write(bytes, 0, Math.min(bytes.length, width));
        for (int i = bytes.length; i < width; i++) {
            header.write(0);
        }
    }
}
