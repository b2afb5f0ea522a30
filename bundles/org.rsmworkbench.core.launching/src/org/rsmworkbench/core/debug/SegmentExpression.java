// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.debug;

import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.SegmentView;

/**
 * A Memory view expression naming a segment: {@code node:segment[+offset]}, the segment id in hex
 * (with or without 0x) or decimal, the offset in hex (0x...) or decimal. For example {@code 1:0x400000+0x40}.
 */
public record SegmentExpression(int node, int segmentId, long offset) {
    /**
     * @throws IllegalArgumentException with a message that shows the syntax, for text that is not such an expression
     */
    public static SegmentExpression parse(String text) {
        String expression = text.trim();
        int colon = expression.indexOf(':');
        if (colon <= 0) {
            throw syntax(text);
        }
        int plus = expression.indexOf('+', colon);
        try {
            int node = Integer.parseInt(expression.substring(0, colon).trim());
            String id = (plus < 0 ? expression.substring(colon + 1) : expression.substring(colon + 1, plus)).trim();
            long segmentId = id.startsWith("0x") || id.startsWith("0X") ? Long.parseLong(id.substring(2), 16)
                    : Long.parseLong(id);
            long offset = plus < 0 ? 0 : number(expression.substring(plus + 1).trim());
            if (segmentId < 0 || segmentId > 0xFFFFFFFFL || offset < 0 || node < 0) {
                throw syntax(text);
            }
            return new SegmentExpression(node, (int) segmentId, offset);
        } catch (NumberFormatException e) {
            throw syntax(text);
        }
    }

    /**
     * A live view of the segment this names, in {@code cluster}; close it after use.
     *
     * @throws IllegalArgumentException with a message for the user when the node has no such segment, or the offset
     *         is past its end
     */
    public SegmentView open(EmulatedCluster cluster) {
        SegmentView view = cluster.view(node, segmentId);
        if (view == null) {
            throw new IllegalArgumentException("node " + node + " has no segment 0x" + Integer.toHexString(segmentId));
        }
        if (offset >= view.size()) {
            view.close();
            throw new IllegalArgumentException("offset 0x" + Long.toHexString(offset) + " is past the end of the segment ("
                    + view.size() + " bytes)");
        }
        return view;
    }

    private static long number(String text) {
        return text.startsWith("0x") || text.startsWith("0X") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
    }

    private static IllegalArgumentException syntax(String text) {
        return new IllegalArgumentException("\"" + text + "\" is not node:segment[+offset], e.g. 1:0x400000+0x40");
    }

    @Override
    public String toString() {
        return node + ":0x" + Integer.toHexString(segmentId) + (offset == 0 ? "" : "+0x" + Long.toHexString(offset));
    }
}
