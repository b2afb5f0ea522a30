// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.rsmworkbench.rsmapi.Rsm;

/**
 * How the calls of RSMAPI objects cross between the tests and a node JVM on another host that makes them
 * ({@link ConformanceNode}): values by content (numbers, strings, enums, arrays, lists, sets, records of the binding), RSMAPI
 * objects as handles that stand for the node's objects, memory by what each side makes of it ({@link #writeOther},
 * {@link #readOther}).
 * <p>
 * Each message is one frame (its length, then its bytes), written whole: one that cannot be made is not sent, and one
 * that cannot be read fails its call alone. A call: its number, the handle it is made on (0: the node itself), the
 * method's interface, name and parameter types, the arguments. Its answer: the number, {@link #RETURNED} and the value or
 * {@link #THREW} and the exception's class, RsmError name (empty for another exception) and message, then how many
 * arguments follow and each as the call left it (the arrays and copied memory, what a get wrote into them; else null).
 */
abstract class CallWire {
    static final byte RETURNED = 0;
    static final byte THREW = 1;

    static final byte NULL = 0;
    static final byte INT = 1;
    static final byte LONG = 2;
    static final byte BOOLEAN = 3;
    static final byte SHORT = 4;
    static final byte BYTE = 5;
    static final byte STRING = 6;
    static final byte ENUM = 7;
    static final byte ARRAY = 8;
    static final byte LIST = 9;
    static final byte SET = 10;
    static final byte RECORD = 11;
    /** An RSMAPI object of the node: its handle and interfaces. */
    static final byte HANDLE = 12;
    /** A slice of memory both sides map: the node's allocation's number, the offset and length in it, read-only or not. */
    static final byte SHARED_MEMORY = 13;
    /** Memory only one side has: its contents, heap or native, its address modulo a page, read-only or not. */
    static final byte COPIED_MEMORY = 14;
    /** Memory the node made and that the tests map too: its number, the file and offset behind it, its length. */
    static final byte NEW_SHARED_MEMORY = 15;

    /** The node's own calls: a new process with the credentials given. */
    static final long NODE = 0;

    /** What writes the contents of a frame. */
    @FunctionalInterface
    interface FrameContents {
        void writeTo(DataOutputStream frame) throws IOException;
    }

    /** The bytes of a frame that {@code contents} writes. */
    static byte[] frame(FrameContents contents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        contents.writeTo(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    /** Sends {@code frame} whole: no other frame comes between its bytes. */
    static void sendFrame(DataOutputStream out, byte[] frame) throws IOException {
        synchronized (out) {
            out.writeInt(frame.length);
            out.write(frame);
            out.flush();
        }
    }

    /** The next frame, to be read on its own. */
    static DataInputStream receiveFrame(DataInputStream in) throws IOException {
        byte[] frame = new byte[in.readInt()];
        in.readFully(frame);
        return new DataInputStream(new ByteArrayInputStream(frame));
    }

    void write(DataOutputStream out, Object value) throws IOException {
        switch (value) {
        case null -> out.writeByte(NULL);
        case Integer i -> {
            out.writeByte(INT);
            out.writeInt(i);
        }
        case Long l -> {
            out.writeByte(LONG);
            out.writeLong(l);
        }
        case Boolean b -> {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        }
        case Short s -> {
            out.writeByte(SHORT);
            out.writeShort(s);
        }
        case Byte b -> {
            out.writeByte(BYTE);
            out.writeByte(b);
        }
        case String s -> {
            out.writeByte(STRING);
            out.writeUTF(s);
        }
        case Enum<?> e -> {
            out.writeByte(ENUM);
            out.writeUTF(e.getDeclaringClass().getName());
            out.writeUTF(e.name());
        }
        case List<?> list -> writeAll(out, LIST, list);
        case Set<?> set -> writeAll(out, SET, List.copyOf(set));
        case Record record -> {
            out.writeByte(RECORD);
            out.writeUTF(record.getClass().getName());
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    write(out, component.getAccessor().invoke(record));
                } catch (ReflectiveOperationException e) {
                    throw new IOException("cannot read " + component + " of " + record, e);
                }
            }
        }
        default -> {
            if (value.getClass().isArray() && value.getClass().getComponentType().isPrimitive()) {
                writeArray(out, value);
            } else if (!writeOther(out, value)) {
                throw new IOException("a " + value.getClass().getName() + " cannot be passed to another host");
            }
        }
        }
    }

    private void writeAll(DataOutputStream out, byte tag, List<?> values) throws IOException {
        out.writeByte(tag);
        out.writeInt(values.size());
        for (Object element : values) {
            write(out, element);
        }
    }

    /** A primitive array: its component type and its elements. */
    static void writeArray(DataOutputStream out, Object array) throws IOException {
        out.writeByte(ARRAY);
        Class<?> type = array.getClass().getComponentType();
        out.writeUTF(type.getName());
        int length = Array.getLength(array);
        out.writeInt(length);
        for (int i = 0; i < length; i++) {
            switch (array) {
            case byte[] a -> out.writeByte(a[i]);
            case short[] a -> out.writeShort(a[i]);
            case int[] a -> out.writeInt(a[i]);
            case long[] a -> out.writeLong(a[i]);
            default -> throw new IOException("an array of " + type + " cannot be passed to another host");
            }
        }
    }

    Object read(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
        case NULL -> null;
        case INT -> in.readInt();
        case LONG -> in.readLong();
        case BOOLEAN -> in.readBoolean();
        case SHORT -> in.readShort();
        case BYTE -> in.readByte();
        case STRING -> in.readUTF();
        case ENUM -> enumValue(in.readUTF(), in.readUTF());
        case ARRAY -> readArrayBody(in);
        case LIST -> readAll(in, new ArrayList<>());
        case SET -> readAll(in, new LinkedHashSet<>());
        case RECORD -> readRecord(in);
        default -> readOther(tag, in);
        };
    }

    private <C extends java.util.Collection<Object>> C readAll(DataInputStream in, C into) throws IOException {
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            into.add(read(in));
        }
        return into;
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Object enumValue(String type, String name) throws IOException {
        return Enum.valueOf((Class) type(type), name);
    }

    private Object readRecord(DataInputStream in) throws IOException {
        Class<?> type = type(in.readUTF());
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = read(in);
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IOException("cannot make a " + type.getName() + " of what the other host sent", e);
        }
    }

    /** Reads what {@link #writeArray} wrote after its tag. */
    static Object readArrayBody(DataInputStream in) throws IOException {
        String type = in.readUTF();
        int length = in.readInt();
        return switch (type) {
        case "byte" -> {
            byte[] a = new byte[length];
            in.readFully(a);
            yield a;
        }
        case "short" -> {
            short[] a = new short[length];
            for (int i = 0; i < length; i++) {
                a[i] = in.readShort();
            }
            yield a;
        }
        case "int" -> {
            int[] a = new int[length];
            for (int i = 0; i < length; i++) {
                a[i] = in.readInt();
            }
            yield a;
        }
        case "long" -> {
            long[] a = new long[length];
            for (int i = 0; i < length; i++) {
                a[i] = in.readLong();
            }
            yield a;
        }
        default -> throw new IOException("an array of " + type + " cannot come from another host");
        };
    }

    /** A class of the binding (or of the JDK) by name. */
    static Class<?> type(String name) throws IOException {
        try {
            return switch (name) {
            case "int" -> int.class;
            case "long" -> long.class;
            case "boolean" -> boolean.class;
            case "short" -> short.class;
            case "byte" -> byte.class;
            default -> Class.forName(name, false, Rsm.class.getClassLoader());
            };
        } catch (ClassNotFoundException e) {
            throw new IOException("no class " + name + " here", e);
        }
    }

    /** Writes what only this side knows how to send (handles, memory); false when it cannot. */
    abstract boolean writeOther(DataOutputStream out, Object value) throws IOException;

    /** Reads a value of a tag that only this side knows. */
    abstract Object readOther(byte tag, DataInputStream in) throws IOException;
}
