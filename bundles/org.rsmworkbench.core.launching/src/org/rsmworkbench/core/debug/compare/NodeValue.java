// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.debug.compare;

/**
 * What an expression gave on one node: its value as text, or why there is none.
 *
 * @param node the node
 * @param thread the name of the thread it was evaluated in, or null when the node had no thread in the method
 * @param line the source line of the frame it was evaluated in, or -1
 * @param value the value as text ({@link ValueText}), or null when {@code error} says why there is none
 * @param error why there is no value (not suspended, no such variable, the evaluation's error), or null
 */
public record NodeValue(int node, String thread, int line, String value, String error) {
    public NodeValue {
        if ((value == null) == (error == null)) {
            throw new IllegalArgumentException("a value or an error, not both or neither");
        }
    }

    public static NodeValue value(int node, String thread, int line, String value) {
        return new NodeValue(node, thread, line, value, null);
    }

    public static NodeValue error(int node, String thread, int line, String error) {
        return new NodeValue(node, thread, line, null, error);
    }

    public boolean isError() {
        return error != null;
    }

    /** The value, or the error. */
    public String outcome() {
        return isError() ? error : value;
    }
}
