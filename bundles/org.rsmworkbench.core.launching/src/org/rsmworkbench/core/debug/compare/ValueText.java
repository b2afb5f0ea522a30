// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.debug.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IVariable;
import org.eclipse.jdt.debug.core.IJavaArray;
import org.eclipse.jdt.debug.core.IJavaFieldVariable;
import org.eclipse.jdt.debug.core.IJavaObject;
import org.eclipse.jdt.debug.core.IJavaPrimitiveValue;
import org.eclipse.jdt.debug.core.IJavaThread;
import org.eclipse.jdt.debug.core.IJavaValue;

/**
 * A value of a node JVM as text that is equal on two nodes when the values are: primitives as Java writes them,
 * strings quoted, arrays with their elements ({@code int[3] {1, 2, 3}}), other objects by their {@code toString()}
 * when their class has its own, else by their fields ({@code Buffer {count=3, name="a"}}) — never by an object id or
 * identity hash, which differ from JVM to JVM.
 */
final class ValueText {
    /** The most elements of an array that are shown (and compared). */
    static final int MAX_ELEMENTS = 64;

    private ValueText() {
    }

    /**
     * The value as text; {@code thread} (suspended by an event) runs {@code toString()} for an object, or is null to
     * show objects by their fields.
     */
    static String of(IJavaValue value, IJavaThread thread) throws DebugException {
        if (value instanceof IJavaObject object && !value.isNull() && !(value instanceof IJavaArray)
                && !isString(object)) {
            String text = ownToString(object, thread);
            return text != null ? text : fields(object);
        }
        if (value instanceof IJavaArray array && !value.isNull()) {
            return array(array);
        }
        return shallow(value);
    }

    /** Without running code: nested objects as their type only. */
    private static String shallow(IJavaValue value) throws DebugException {
        if (value.isNull()) {
            return "null";
        }
        if (value instanceof IJavaPrimitiveValue primitive) {
            return primitive.getValueString();
        }
        if (value instanceof IJavaArray array) {
            return typeOfArray(array);
        }
        if (value instanceof IJavaObject object) {
            return isString(object) ? quoted(object.getValueString()) : simpleName(object.getReferenceTypeName());
        }
        return value.getValueString(); // a void method's result
    }

    private static boolean isString(IJavaObject object) throws DebugException {
        return "java.lang.String".equals(object.getReferenceTypeName());
    }

    private static String array(IJavaArray array) throws DebugException {
        int length = array.getLength();
        List<String> elements = new ArrayList<>();
        IJavaValue[] values = length == 0 ? new IJavaValue[0] : array.getValues();
        for (int i = 0; i < Math.min(length, MAX_ELEMENTS); i++) {
            elements.add(shallow(values[i]));
        }
        return typeOfArray(array) + " {" + String.join(", ", elements) + (length > MAX_ELEMENTS ? ", … " + (length - MAX_ELEMENTS) + " more" : "")
                + "}";
    }

    /** {@code int[3]}, {@code String[2][]}. */
    private static String typeOfArray(IJavaArray array) throws DebugException {
        String type = simpleName(array.getReferenceTypeName()); // int[], String[][]
        int brackets = type.indexOf("[]");
        return type.substring(0, brackets) + "[" + array.getLength() + "]" + type.substring(brackets + 2);
    }

    /** The object's {@code toString()}, or null when its class does not override Object's, or it cannot run. */
    private static String ownToString(IJavaObject object, IJavaThread thread) {
        if (thread == null || !thread.isSuspended()) {
            return null;
        }
        try {
            IJavaValue text = object.sendMessage("toString", "()Ljava/lang/String;", null, thread, false);
            if (text.isNull()) {
                return "null";
            }
            String string = text.getValueString();
            // Object.toString: the class and the identity hash, different in every JVM
            return Pattern.matches(Pattern.quote(object.getReferenceTypeName()) + "@\\p{XDigit}+", string) ? null : string;
        } catch (DebugException cannotRun) {
            return null; // e.g. the thread was suspended by a request, not at a breakpoint or step: no invocation
        }
    }

    private static String fields(IJavaObject object) throws DebugException {
        List<String> fields = new ArrayList<>();
        for (IVariable variable : object.getVariables()) {
            if (variable instanceof IJavaFieldVariable field && !field.isStatic()) {
                fields.add(field.getName() + "=" + shallow((IJavaValue) field.getValue()));
            }
        }
        return simpleName(object.getReferenceTypeName()) + " {" + String.join(", ", fields) + "}";
    }

    private static String simpleName(String typeName) {
        return typeName.substring(typeName.lastIndexOf('.') + 1);
    }

    private static String quoted(String string) {
        return '"' + string.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + '"';
    }
}
