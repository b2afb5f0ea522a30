// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Small files that only this user may read, in a folder of this user's that only this user may enter (secrets kept for
 * a later process of the same user): written and read with the rules of {@link OwnFiles} and {@link TrustedPaths}.
 */
public final class PrivateFiles {
    private PrivateFiles() {
    }

    /**
     * Writes {@code content} to {@code file} (mode 0600), replacing it atomically; its folder is made 0700 when missing,
     * and must be this user's, entered by no one else, on a path no other user can change.
     */
    public static void write(Path file, byte[] content) throws IOException {
        Path folder = requirePrivateFolder(file, true);
        OwnFiles.writeAtomically(file, folder.resolve(file.getFileName() + "." + ProcessHandle.current().pid() + ".new"), content);
    }

    /**
     * The content of {@code file} (at most {@code maxBytes}), a regular file of this user's in such a folder.
     *
     * @throws NoSuchFileException when there is no such file (or folder)
     * @throws IOException when it is not such a file, saying why
     */
    public static byte[] read(Path file, int maxBytes) throws IOException {
        requirePrivateFolder(file, false);
        return OwnFiles.read(file, maxBytes);
    }

    /**
     * Removes {@code file}, a regular file of this user's in such a folder, if it is there; anything else is left (a link
     * is not followed, nor removed). Checked before the removal: nobody else may enter the folder to swap the file meanwhile.
     *
     * @throws IOException when the folder or the file is not such, saying why it is left
     */
    public static void delete(Path file) throws IOException {
        boolean own;
        try {
            requirePrivateFolder(file, false);
            own = OwnFiles.isOwnRegularFile(file);
        } catch (NoSuchFileException e) {
            return; // no folder, or no file in it: nothing to remove
        }
        if (!own) {
            throw new FileSystemException(file.toString(), null, "is not a regular file of this user's: left");
        }
        Files.deleteIfExists(file);
    }

    private static Path requirePrivateFolder(Path file, boolean make) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (make && TrustedPaths.requireTrusted(folder) == null) {
            Files.createDirectories(folder.getParent(), OwnFiles.PARENT_DIRECTORY);
            Files.createDirectories(folder, OwnFiles.PRIVATE_DIRECTORY);
        }
        if (TrustedPaths.requireTrusted(folder) == null) {
            throw new NoSuchFileException(folder.toString());
        }
        Map<String, Object> attributes = Files.readAttributes(folder, "unix:uid,mode,isDirectory", LinkOption.NOFOLLOW_LINKS);
        if (!(Boolean) attributes.get("isDirectory") || (Integer) attributes.get("uid") != OwnFiles.effectiveUid()
                || ((Integer) attributes.get("mode") & 0077) != 0) {
            throw new IOException(folder + " is not a folder of this user's that only this user may enter (mode 0700):"
                    + " not used for secrets; remove it, or make it so");
        }
        return folder;
    }
}
