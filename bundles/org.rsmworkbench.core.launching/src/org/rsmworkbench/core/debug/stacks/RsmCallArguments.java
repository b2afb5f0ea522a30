// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.debug.stacks;

import java.util.Locale;
import java.util.Set;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.model.IVariable;
import org.eclipse.jdt.debug.core.IJavaFieldVariable;
import org.eclipse.jdt.debug.core.IJavaObject;
import org.eclipse.jdt.debug.core.IJavaPrimitiveValue;
import org.eclipse.jdt.debug.core.IJavaStackFrame;
import org.rsmworkbench.emulator.ClusterWaits.SegmentName;

/**
 * What an RSM call that the registry does not describe is doing, read in the suspended node JVM from the call's entry
 * frame: whom a connect connects to and, when the controller refused the same segment last time, why it is retried
 * ({@code connect to 3:0x400300 (retrying: not published)}, its arguments and controller), which import segment a
 * barrier call is on ({@code barrier close on 2:0x400200}, its handle). Null when the frame does not say (another call, or a runtime
 * compiled without local variable tables).
 */
final class RsmCallArguments {
    private static final Set<String> BARRIER_CALLS = Set.of("open", "order", "close");
    /** The emulator's barriers: the handle (its import segment's connection) and the recorder's wrapper (node, id). */
    private static final String BARRIER = "org.rsmworkbench.emulator.internal.BarrierHandle";
    private static final String CONTROLLER = "org.rsmworkbench.emulator.internal.Controller";
    private static final String RECORDED_BARRIER = "org.rsmworkbench.emulator.internal.RecordedBarrier";

    private RsmCallArguments() {
    }

    static String describe(IJavaStackFrame entry) throws DebugException {
        String method = entry.getMethodName();
        String type = entry.getDeclaringTypeName();
        if (method.equals("connect")) {
            Integer node = intValue(argument(entry, "nodeId", 0));
            Integer id = intValue(argument(entry, "segmentId", 1));
            if (node == null || id == null) {
                return null;
            }
            String segment = new SegmentName(node, id).toString();
            // the controller keeps the last connect it refused: the same segment again is a retry
            String because = type.equals(CONTROLLER) && segment.equals(string(field(entry.getThis(), "refusedSegment")))
                    ? string(field(entry.getThis(), "refusedBecause"))
                    : null;
            return "connect to " + segment + (because == null ? "" : " (retrying: " + words(because) + ")");
        }
        if (BARRIER_CALLS.contains(method) && (type.equals(BARRIER) || type.equals(RECORDED_BARRIER))) {
            IJavaObject handle = entry.getThis();
            IJavaObject connection = type.equals(BARRIER) ? object(field(object(field(handle, "segment")), "connection")) : handle;
            Integer node = intValue(field(connection, type.equals(BARRIER) ? "nodeId" : "node"));
            Integer id = intValue(field(connection, type.equals(BARRIER) ? "segmentId" : "id"));
            return node == null || id == null ? null : "barrier " + method + " on " + new SegmentName(node, id);
        }
        return null;
    }

    /** An argument by its name, or by its place where the runtime was compiled without local variable tables. */
    private static IVariable argument(IJavaStackFrame frame, String name, int index) throws DebugException {
        IVariable named = frame.findVariable(name);
        return named != null ? named : frame.findVariable("arg" + index);
    }

    private static IJavaFieldVariable field(IJavaObject object, String name) throws DebugException {
        return object == null ? null : object.getField(name, false);
    }

    private static IJavaObject object(IVariable variable) throws DebugException {
        IValue value = variable == null ? null : variable.getValue();
        return value instanceof IJavaObject object && !object.isNull() ? object : null;
    }

    private static String string(IVariable variable) throws DebugException {
        IValue value = variable == null ? null : variable.getValue();
        return value instanceof IJavaObject object && !object.isNull() ? value.getValueString() : null;
    }

    /** An error as words: {@code SEG_NOT_PUBLISHED} is "not published" (every error is about a segment here). */
    private static String words(String error) {
        return error.replaceFirst("^SEG_", "").replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    private static Integer intValue(IVariable variable) throws DebugException {
        return variable != null && variable.getValue() instanceof IJavaPrimitiveValue value ? value.getIntValue() : null;
    }
}
