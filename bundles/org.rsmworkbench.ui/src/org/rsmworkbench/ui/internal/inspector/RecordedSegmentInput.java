// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.inspector;

import java.nio.file.Path;
import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;
import org.rsmworkbench.core.trace.RecordedSegment;

/**
 * A segment known only from a recording (a finished run, or a run whose cluster the IDE does not watch) as the input of
 * a {@link SegmentInspector}, read-only; it opens at {@code first}. Two inputs are equal when they are the same segment of
 * the same recording, whatever instant they opened at: one inspector per segment of a recording.
 */
public final class RecordedSegmentInput implements IEditorInput {
    private final RecordedSegment segment;
    private final RecordedSegment.Instant first;

    public RecordedSegmentInput(RecordedSegment segment, RecordedSegment.Instant first) {
        this.segment = Objects.requireNonNull(segment, "segment");
        this.first = Objects.requireNonNull(first, "first");
    }

    public RecordedSegment segment() {
        return segment;
    }

    /** The instant the inspector shows when it opens. */
    public RecordedSegment.Instant first() {
        return first;
    }

    /** The recording's folder. */
    public Path folder() {
        return segment.folder();
    }

    @Override
    public boolean exists() {
        return false; // not reopened from the editor history after a restart
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return null;
    }

    /** {@code 1:0x400100 (recording run.rsmtrace)}. */
    @Override
    public String getName() {
        return segment.segment() + " (recording " + recordingName() + ")";
    }

    /** The name of the recording's folder. */
    String recordingName() {
        Path name = segment.folder().getFileName();
        return name == null ? segment.folder().toString() : name.toString();
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return "Segment " + segment.segment() + " as recorded in " + segment.folder() + " (read-only)";
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordedSegmentInput input && input.segment.folder().equals(segment.folder())
                && input.segment.segment().equals(segment.segment());
    }

    @Override
    public int hashCode() {
        return Objects.hash(segment.folder(), segment.segment());
    }
}
