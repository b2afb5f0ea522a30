// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.inspect;

import java.util.Locale;

/** Offsets as a user types them into the inspector's "Go to" field. */
public final class Offsets {
    private Offsets() {
    }

    /**
     * The offset {@code text} names. Accepted forms (surrounding blanks and {@code _} digit separators ignored):
     * <ul>
     * <li>{@code 0x1f} or {@code 0X1F}: hexadecimal with a C prefix;</li>
     * <li>{@code 1fh}, {@code 1f h} or {@code 1FH}: hexadecimal with an assembler suffix (blanks before it allowed);</li>
     * <li>{@code 31}: decimal.</li>
     * </ul>
     * Whether the offset lies inside a segment is for the caller to check.
     *
     * @throws IllegalArgumentException with a message a user can act on, for text of none of these forms
     */
    public static long parse(String text) {
        String value = text.strip().replace("_", "").toLowerCase(Locale.ROOT);
        try {
            if (value.startsWith("0x")) {
                return Long.parseUnsignedLong(value.substring(2), 16);
            }
            if (value.endsWith("h")) {
                return Long.parseUnsignedLong(value.substring(0, value.length() - 1).stripTrailing(), 16);
            }
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not an offset (0x1f, 1f h or decimal 31)", e);
        }
    }
}
