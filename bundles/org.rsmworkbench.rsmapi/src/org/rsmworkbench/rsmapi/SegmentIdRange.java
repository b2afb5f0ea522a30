package org.rsmworkbench.rsmapi;

/** A range of segment ids reserved for an application in the segment-id configuration file. */
public record SegmentIdRange(long base, long length) {
}
