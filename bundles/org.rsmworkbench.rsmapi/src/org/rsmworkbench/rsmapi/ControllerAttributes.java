package org.rsmworkbench.rsmapi;

/** The nine fields of {@code rsmapi_controller_attr_t}, in their C order. */
public record ControllerAttributes(int directAccessSizes, int atomicSizes, long pageSize,
        long maxExportSegmentSize, long totalExportSegmentSize, long maxExportSegments,
        long maxImportMapSize, long totalImportMapSize, long maxImportSegments) {
}
