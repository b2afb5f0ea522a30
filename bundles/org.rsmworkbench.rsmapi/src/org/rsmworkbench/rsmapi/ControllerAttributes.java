// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.rsmapi;

/** The nine fields of {@code rsmapi_controller_attr_t}, in their C order. */
public record ControllerAttributes(int directAccessSizes, int atomicSizes, long pageSize,
        long maxExportSegmentSize, long totalExportSegmentSize, long maxExportSegments,
        long maxImportMapSize, long totalImportMapSize, long maxImportSegments) {
}
