// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.inspect;

/** Progress and cancellation of long work over a segment (an Eclipse job adapts its monitor to this). */
public interface Progress {
    Progress NONE = new Progress() {
        @Override
        public void worked(long bytes) {
        }

        @Override
        public boolean isCanceled() {
            return false;
        }
    };

    /** {@code bytes} more bytes were processed. */
    void worked(long bytes);

    boolean isCanceled();
}
