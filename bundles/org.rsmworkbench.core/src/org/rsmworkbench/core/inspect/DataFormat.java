// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.inspect;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** How a typed column shows (and an edit or a search parses) a value: width, kind and byte order. */
public record DataFormat(int width, Kind kind, ByteOrder order) {
    public enum Kind {
        SIGNED, UNSIGNED, FLOAT
    }

    public DataFormat {
        if (width != 1 && width != 2 && width != 4 && width != 8) {
            throw new IllegalArgumentException("a value is 1, 2, 4 or 8 bytes wide, not " + width);
        }
        if (kind == Kind.FLOAT && width < 4) {
            throw new IllegalArgumentException("floating point values are 4 (float) or 8 (double) bytes wide");
        }
    }

    /** The value at {@code offset} of {@code memory}, as text. */
    public String format(MemorySegment memory, long offset) {
        long bits = switch (width) {
            case 1 -> memory.get(ValueLayout.JAVA_BYTE, offset);
            case 2 -> memory.get(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(order), offset);
            case 4 -> memory.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(order), offset);
            default -> memory.get(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(order), offset);
        };
        return switch (kind) {
            case SIGNED -> Long.toString(bits);
            case UNSIGNED -> width == 8 ? Long.toUnsignedString(bits) : Long.toString(bits & ((1L << (8 * width)) - 1));
            case FLOAT -> width == 4 ? Float.toString(Float.intBitsToFloat((int) bits)) : Double.toString(Double.longBitsToDouble(bits));
        };
    }

    /** The length of the longest text {@link #format} gives: the width a typed column needs, in characters. */
    public int maxTextLength() {
        return switch (kind) {
            case SIGNED -> BigInteger.ONE.shiftLeft(8 * width - 1).negate().toString().length();
            case UNSIGNED -> BigInteger.ONE.shiftLeft(8 * width).subtract(BigInteger.ONE).toString().length();
            // the smallest negative normal value has the most digits and the longest exponent
            case FLOAT -> width == 4 ? Float.toString(-Float.MIN_NORMAL).length() : Double.toString(-Double.MIN_NORMAL).length();
        };
    }

    /**
     * The bytes of {@code text} in this format.
     *
     * @throws IllegalArgumentException with a message a user can act on, for text that is not such a value
     */
    public byte[] parse(String text) {
        String value = text.trim();
        ByteBuffer buffer = ByteBuffer.allocate(width).order(order);
        try {
            if (kind == Kind.FLOAT) {
                if (width == 4) {
                    buffer.putFloat(Float.parseFloat(value));
                } else {
                    buffer.putDouble(Double.parseDouble(value));
                }
                return buffer.array();
            }
            BigInteger number = value.startsWith("0x") || value.startsWith("0X") ? new BigInteger(value.substring(2), 16)
                    : new BigInteger(value);
            BigInteger min = kind == Kind.SIGNED ? BigInteger.ONE.shiftLeft(8 * width - 1).negate() : BigInteger.ZERO;
            BigInteger max = kind == Kind.SIGNED ? BigInteger.ONE.shiftLeft(8 * width - 1).subtract(BigInteger.ONE)
                    : BigInteger.ONE.shiftLeft(8 * width).subtract(BigInteger.ONE);
            if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
                throw new IllegalArgumentException(value + " does not fit a " + this + " (" + min + " to " + max + ")");
            }
            long bits = number.longValue();
            switch (width) {
                case 1 -> buffer.put((byte) bits);
                case 2 -> buffer.putShort((short) bits);
                case 4 -> buffer.putInt((int) bits);
                default -> buffer.putLong(bits);
            }
            return buffer.array();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + value + "\" is not a " + this, e);
        }
    }

    @Override
    public String toString() {
        String type = kind == Kind.FLOAT ? (width == 4 ? "float" : "double")
                : (kind == Kind.SIGNED ? "signed " : "unsigned ") + 8 * width + "-bit integer";
        return type + (width > 1 ? order == ByteOrder.LITTLE_ENDIAN ? ", little endian" : ", big endian" : "");
    }
}
