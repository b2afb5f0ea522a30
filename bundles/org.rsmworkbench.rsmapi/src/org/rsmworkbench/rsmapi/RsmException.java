// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.rsmapi;

import java.util.Objects;

/** Thrown by every failing RSMAPI call; the call has changed nothing. */
public class RsmException extends Exception {
    private static final long serialVersionUID = 1L;

    private final RsmError error;

    public RsmException(RsmError error, String message) {
        super("RSMERR_" + Objects.requireNonNull(error, "error") + ": " + message);
        this.error = error;
    }

    public RsmError error() {
        return error;
    }

    /** The RSMERR_* number, the same as {@code error().code()}. */
    public int code() {
        return error.code();
    }
}
