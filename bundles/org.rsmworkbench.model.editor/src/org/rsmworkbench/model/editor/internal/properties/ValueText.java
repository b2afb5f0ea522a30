// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.editor.internal.properties;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.rsmworkbench.model.cluster.ClusterPackage;

/**
 * Text for attribute values in the Properties view, and back: numbers in decimal, modes
 * ({@code OctalMode}: permission, umask) always in octal, lists comma separated. {@link #parse} throws
 * {@link IllegalArgumentException} with a message for a person; {@link #check} returns that message.
 */
public final class ValueText {
    private ValueText() {
    }

    /** True for the data type of permissions and umasks. */
    public static boolean isOctal(EDataType type) {
        return type == ClusterPackage.Literals.OCTAL_MODE;
    }

    /** The text of a value of the type (a list: its elements joined by ", "). */
    public static String format(EDataType type, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object o : list) {
                parts.add(format(type, o));
            }
            return String.join(", ", parts);
        }
        if (isOctal(type) && value instanceof Integer mode) {
            if (mode < 0) {
                return Integer.toString(mode);
            }
            String digits = Integer.toOctalString(mode);
            return "0" + "000".substring(Math.min(3, digits.length())) + digits;
        }
        if (value instanceof EEnumLiteral literal) {
            return literal.getLiteral();
        }
        if (value instanceof Enum<?> || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return EcoreUtil.convertToString(type, value);
    }

    /**
     * The value of the text for the type. An octal mode is read in octal with or without the leading 0
     * ({@code 640} and {@code 0640} are both 0640); ints and longs in decimal.
     *
     * @throws IllegalArgumentException with a message for a person
     */
    public static Object parse(EDataType type, String text) {
        String s = text == null ? "" : text.strip();
        Class<?> c = type.getInstanceClass();
        if (isOctal(type)) {
            if (s.isEmpty()) {
                throw new IllegalArgumentException("Enter a mode in octal, e.g. 0640");
            }
            if (!s.matches("[0-7]+")) {
                throw new IllegalArgumentException("'" + s + "' is not an octal mode: use the digits 0 to 7, e.g. 0640");
            }
            if (s.length() > 5) {
                throw new IllegalArgumentException("'" + s + "' is too long for a mode: at most four octal digits, e.g. 0640");
            }
            return Integer.parseInt(s, 8);
        }
        if (c == int.class || c == Integer.class) {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + s + "' is not a whole number" + range(Integer.MIN_VALUE, Integer.MAX_VALUE, s));
            }
        }
        if (c == long.class || c == Long.class) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + s + "' is not a whole number" + range(Long.MIN_VALUE, Long.MAX_VALUE, s));
            }
        }
        if (c == boolean.class || c == Boolean.class) {
            if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                return Boolean.valueOf(s);
            }
            throw new IllegalArgumentException("'" + s + "' is neither true nor false");
        }
        if (c == String.class) {
            return text == null ? "" : text;
        }
        if (type instanceof EEnum eenum) {
            EEnumLiteral literal = eenum.getEEnumLiteralByLiteral(s);
            if (literal == null) {
                throw new IllegalArgumentException("'" + s + "' is not one of " + eenum.getELiterals());
            }
            return literal.getInstance();
        }
        try {
            return EcoreUtil.createFromString(type, s);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + s + "' is not a valid " + type.getName());
        }
    }

    /** Parses a comma (or blank) separated list of values of the type. */
    public static List<Object> parseList(EDataType type, String text) {
        List<Object> values = new ArrayList<>();
        for (String part : (text == null ? "" : text).split("[,\\s]+")) {
            if (!part.isEmpty()) {
                values.add(parse(type, part));
            }
        }
        return values;
    }

    /** Null if the text parses as a value (or a list of values) of the type, else why not. */
    public static String check(EDataType type, boolean many, String text) {
        try {
            if (many) {
                parseList(type, text);
            } else {
                parse(type, text);
            }
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static String range(long min, long max, String s) {
        return s.matches("-?[0-9]+") ? " in range (" + min + " to " + max + ")" : "";
    }
}
