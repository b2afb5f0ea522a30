// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.rsmapi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code rsm_scat_gath_t}: up to {@link Rsm#MAX_SGIO_REQS} requests against one import segment. */
public final class ScatterGather {
    private final ImportSegment remote;
    private final int flags;
    private final List<IoVec> requests = new ArrayList<>();
    private int residualCount;

    public ScatterGather(ImportSegment remote, int flags) {
        this.remote = remote;
        this.flags = flags;
    }

    public ScatterGather add(IoVec request) {
        requests.add(request);
        return this;
    }

    public ImportSegment remote() {
        return remote;
    }

    public int flags() {
        return flags;
    }

    public List<IoVec> requests() {
        return Collections.unmodifiableList(requests);
    }

    /** The number of requests not completed by the last putv/getv. */
    public int residualCount() {
        return residualCount;
    }

    public void setResidualCount(int n) {
        this.residualCount = n;
    }
}
