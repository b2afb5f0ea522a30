// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * What went wrong with a file, in words for the user. java.nio's AccessDeniedException, NoSuchFileException,
 * NotDirectoryException and FileAlreadyExistsException carry only the path as their message, which reads as no reason
 * at all on a command line.
 */
public final class FileErrors {
    private FileErrors() {
    }

    /** E.g. "/tmp/x/rec: permission denied": the path and why, or the exception's own message when it has a reason. */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() == null && f.getFile() != null) {
            String path = f.getOtherFile() == null ? f.getFile() : f.getFile() + " -> " + f.getOtherFile();
            return path + ": " + switch (f) {
                case AccessDeniedException _ -> "permission denied";
                case NoSuchFileException _ -> "no such file or folder";
                case NotDirectoryException _ -> "not a folder";
                case FileAlreadyExistsException _ -> "already exists";
                default -> "cannot be used";
            };
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
