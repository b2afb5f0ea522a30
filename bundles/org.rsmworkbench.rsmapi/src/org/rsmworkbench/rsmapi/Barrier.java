// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.rsmapi;

/** A barrier bound to one import segment: brackets a span of remote accesses. */
public interface Barrier {
    void open() throws RsmException;

    void order() throws RsmException;

    void close() throws RsmException;

    void destroy() throws RsmException;
}
