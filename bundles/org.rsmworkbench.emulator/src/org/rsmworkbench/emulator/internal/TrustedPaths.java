// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Whether a path leads where its user meant whatever other users do, checked as OpenSSH checks the paths of its
 * keys: every folder on the way is this user's or root's and writable by no one else, or sticky (/tmp: others may
 * add entries there, not replace this user's); every symbolic link on the way is this user's or root's (another
 * user could re-point theirs). Links are followed as the kernel follows them, so the folders checked are those the
 * path reaches.
 */
final class TrustedPaths {
    /** As the kernel, which gives up with ELOOP after 40 links. */
    private static final int MAX_LINKS = 40;
    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFLNK = 0120000;
    private static final int STICKY = 01000;
    private static final int ROOT = 0;

    private TrustedPaths() {
    }

    /**
     * Checks that no other user can change where {@code path} leads, up to its first missing component
     * (what is missing would be made by this user); returns the real path it leads to, or null when a component is
     * missing.
     *
     * @throws IOException naming the folder or link another user could change, why, and what to do
     */
    static Path requireTrusted(Path path) throws IOException {
        path = path.toAbsolutePath(); // not normalized: ".." after a link goes where the kernel goes
        Deque<Path> names = new ArrayDeque<>();
        path.forEach(names::addLast);
        Path at = path.getRoot();
        requireTrustedStep(path, at, attributes(at));
        int links = 0;
        while (!names.isEmpty()) {
            String name = names.removeFirst().toString();
            if (name.equals("..")) {
                at = at.getParent() == null ? at : at.getParent(); // at is a real folder: its parent is the real one
                continue;
            }
            if (name.equals(".")) {
                continue;
            }
            Path next = at.resolve(name);
            Map<String, Object> attributes;
            try {
                attributes = attributes(next);
            } catch (NoSuchFileException e) {
                return null;
            }
            requireTrustedStep(path, next, attributes);
            if (((Integer) attributes.get("mode") & S_IFMT) == S_IFLNK) {
                if (++links > MAX_LINKS) {
                    throw new IOException(path + " cannot be used: it goes through more than " + MAX_LINKS + " symbolic links");
                }
                Path target = Files.readSymbolicLink(next);
                List<Path> targetNames = new ArrayList<>();
                target.forEach(targetNames::add);
                targetNames.reversed().forEach(names::addFirst);
                if (target.isAbsolute()) {
                    at = target.getRoot();
                }
                continue;
            }
            at = next;
        }
        return at;
    }

    private static Map<String, Object> attributes(Path path) throws IOException {
        return Files.readAttributes(path, "unix:uid,gid,mode", LinkOption.NOFOLLOW_LINKS);
    }

    /** A link must be this user's or root's; a folder as well, and writable by no one else unless sticky. */
    private static void requireTrustedStep(Path path, Path step, Map<String, Object> attributes) throws IOException {
        int uid = (Integer) attributes.get("uid");
        int mode = (Integer) attributes.get("mode");
        int type = mode & S_IFMT;
        String what = type == S_IFLNK ? "the symbolic link " : "the folder ";
        String advice = ": another user could change where the path leads (and what is made or removed there);"
                + " use a directory whose folders and links on the way only you or root can change";
        if (type != S_IFLNK && type != S_IFDIR) {
            throw new IOException(path + " cannot be used: " + step + " is not a directory");
        }
        if (uid != OwnFiles.effectiveUid() && uid != ROOT) {
            throw new IOException(path + " cannot be used: " + what + step + " on the way belongs to another user (uid "
                    + uid + ")" + advice);
        }
        if (type == S_IFDIR && OwnFiles.othersMayWrite(mode, (Integer) attributes.get("gid")) && (mode & STICKY) == 0) {
            throw new IOException(path + " cannot be used: " + what + step + " on the way is writable by other users (mode "
                    + Integer.toOctalString(mode & 07777) + ", not sticky)" + advice);
        }
    }
}
