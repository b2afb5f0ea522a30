// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model;

import java.io.IOException;

/**
 * A {@code .rsmcluster} file that cannot be read as a cluster: not XML, truncated, an unknown element
 * or attribute, a value of the wrong type, a reference to nothing. Says where (line and column, when
 * the parser knows them; 0 when not) and why; the file is left as it was.
 */
public class ClusterFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String location;
    private final int line;
    private final int column;

    public ClusterFileException(String location, int line, int column, String cause, Throwable exception) {
        super(location + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + cause, exception);
        this.location = location;
        this.line = line;
        this.column = column;
    }

    /** The file (or URI) that failed to load. */
    public String location() {
        return location;
    }

    /** The line of the problem, from 1; 0 if unknown. */
    public int line() {
        return line;
    }

    /** The column of the problem, from 1; 0 if unknown. */
    public int column() {
        return column;
    }
}
