// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.debug.compare;

import org.eclipse.debug.core.DebugException;
import org.eclipse.jdt.debug.core.IJavaStackFrame;
import org.rsmworkbench.core.debug.stacks.ParallelStacks;

/**
 * A method as every node JVM names it: where a comparison evaluates its expression on each node (in that node's
 * innermost frame of this method).
 *
 * @param className the declaring class, as {@link ParallelStacks#sameInEveryJvm} names it
 * @param method the method's name
 * @param signature its JVM signature ({@code (I)V}), which tells overloads apart
 */
public record FrameMethod(String className, String method, String signature) {
    /** The method of the frame (the frame selected in the Debug view). */
    public static FrameMethod of(IJavaStackFrame frame) throws DebugException {
        return new FrameMethod(ParallelStacks.sameInEveryJvm(frame.getDeclaringTypeName()), frame.getMethodName(), frame.getSignature());
    }

    /** Whether the frame runs this method. */
    public boolean runs(IJavaStackFrame frame) throws DebugException {
        return method.equals(frame.getMethodName()) && signature.equals(frame.getSignature())
                && className.equals(ParallelStacks.sameInEveryJvm(frame.getDeclaringTypeName()));
    }

    /** {@code demo.Split.even}. */
    @Override
    public String toString() {
        return className + "." + method;
    }
}
