// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.rsmapi;

/** A range of segment ids reserved for an application in the segment-id configuration file. */
public record SegmentIdRange(long base, long length) {
}
