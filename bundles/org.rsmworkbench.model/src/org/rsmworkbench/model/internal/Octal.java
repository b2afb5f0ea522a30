// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.internal;

/** Reads and writes permissions and modes (the OctalMode data type) as C does: a leading 0 means octal. */
public final class Octal {
    private Octal() {
    }

    /**
     * {@code "0640"} is octal, {@code "420"} decimal, as a C literal; surrounding blanks are ignored.
     *
     * @throws NumberFormatException if the text is neither
     */
    public static int parse(String text) {
        String s = text.strip();
        if (s.length() > 1 && s.charAt(0) == '0') {
            return Integer.parseInt(s.substring(1), 8);
        }
        return Integer.parseInt(s);
    }

    /** {@code 0640}, always with a leading 0 and at least three digits; a negative value in decimal. */
    public static String format(int value) {
        if (value < 0) {
            return Integer.toString(value);
        }
        String digits = Integer.toOctalString(value);
        return "0" + "000".substring(Math.min(3, digits.length())) + digits;
    }
}
