// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.debug.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.JavaCore;
import org.eclipse.jdt.debug.core.IJavaArray;
import org.eclipse.jdt.debug.core.IJavaDebugTarget;
import org.eclipse.jdt.debug.core.IJavaFieldVariable;
import org.eclipse.jdt.debug.core.IJavaObject;
import org.eclipse.jdt.debug.core.IJavaStackFrame;
import org.eclipse.jdt.debug.core.IJavaThread;
import org.eclipse.jdt.debug.core.IJavaValue;
import org.eclipse.jdt.debug.core.IJavaVariable;
import org.eclipse.jdt.debug.eval.EvaluationManager;
import org.eclipse.jdt.debug.eval.IAstEvaluationEngine;
import org.eclipse.jdt.debug.eval.IEvaluationResult;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.rsmworkbench.core.launching.RsmLaunching;

/**
 * Evaluates an expression in one method on every node JVM of a cluster debug launch: on each node, in the innermost
 * frame of that method of every suspended thread that runs it. A plain name or field path ({@code count},
 * {@code buf.count}, {@code this.peers.length}) is read through the debug model, without running code in the node;
 * anything else, or a name that is not a variable of the frame ({@code Config.SIZE}), is compiled and evaluated by
 * JDT's evaluation engine against the launch's Java project, as the Expressions view does. Reads the debugger: call it
 * off the UI thread.
 */
public final class CrossNodeEvaluation {
    private static final String IDENTIFIER = "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*";
    private static final Pattern PATH = Pattern.compile(IDENTIFIER + "(\\." + IDENTIFIER + ")*");
    private static final long POLL_MILLIS = 50;

    private CrossNodeEvaluation() {
    }

    /** A thread's frame of the method, on a node, waiting for its value. */
    private record Site(int node, IJavaThread thread, IJavaStackFrame frame, int line) {
    }

    /**
     * The expression's value on every node of {@code launch} (the rows ordered by node), grouped.
     *
     * @throws IllegalArgumentException when the expression is empty
     * @throws OperationCanceledException when {@code monitor} is canceled
     */
    public static Comparison evaluate(ILaunch launch, FrameMethod method, String expression, IProgressMonitor monitor) {
        String text = expression.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Type an expression: a variable (count), a field path (buf.count) or a Java expression.");
        }
        List<NodeValue> rows = new ArrayList<>();
        List<Site> sites = new ArrayList<>();
        nodeTargets(launch).forEach((node, target) -> findSites(node, target, method, rows, sites));
        monitor.beginTask("Evaluating " + text + " on " + sites.size() + " node threads", sites.size());
        IJavaProject project = projectOf(launch);
        List<CompletableFuture<IEvaluationResult>> compiled = new ArrayList<>();
        List<Site> compiledSites = new ArrayList<>();
        boolean plainPath = PATH.matcher(text).matches();
        for (Site site : sites) {
            checkCanceled(monitor);
            try {
                IJavaValue value = plainPath ? readPath(site.frame(), text) : null;
                if (value != null) {
                    rows.add(NodeValue.value(site.node(), site.thread().getName(), site.line(), ValueText.of(value, site.thread())));
                    monitor.worked(1);
                } else if (project == null) {
                    rows.add(error(site, plainPath ? "no variable " + text.split("\\.")[0] + " in " + method
                            : "a Java expression needs the launch's Java project, which is not in the workspace"));
                    monitor.worked(1);
                } else {
                    compiled.add(startEvaluation(project, site, text));
                    compiledSites.add(site);
                }
            } catch (NoValue e) {
                rows.add(error(site, e.getMessage()));
                monitor.worked(1);
            } catch (DebugException e) {
                rows.add(error(site, message(e)));
                monitor.worked(1);
            }
        }
        for (int i = 0; i < compiled.size(); i++) {
            rows.add(result(compiledSites.get(i), await(compiled.get(i), monitor)));
            monitor.worked(1);
        }
        monitor.done();
        return Comparison.of(text, rows);
    }

    /** The live debug target of each node of the launch (a restarted node's latest one), by node. */
    private static Map<Integer, IJavaDebugTarget> nodeTargets(ILaunch launch) {
        Map<Integer, IJavaDebugTarget> targets = new TreeMap<>();
        for (IDebugTarget target : launch.getDebugTargets()) {
            String node = target.getProcess() == null ? null : target.getProcess().getAttribute(RsmLaunching.PROCESS_ATTR_NODE);
            if (target instanceof IJavaDebugTarget java && node != null) {
                targets.merge(Integer.parseInt(node), java, (old, newer) -> newer.isTerminated() ? old : newer);
            }
        }
        return targets;
    }

    /** The node's frames of the method, or a row that says why it has none. */
    private static void findSites(int node, IJavaDebugTarget target, FrameMethod method, List<NodeValue> rows, List<Site> sites) {
        if (target.isTerminated() || target.isDisconnected()) {
            rows.add(NodeValue.error(node, null, -1, "the node JVM has ended"));
            return;
        }
        boolean suspended = false;
        int found = sites.size();
        try {
            for (IThread thread : target.getThreads()) {
                if (thread instanceof IJavaThread java && java.isSuspended()) {
                    suspended = true;
                    innermostFrame(java, method, node, sites);
                }
            }
        } catch (DebugException ended) {
            rows.add(NodeValue.error(node, null, -1, "the node JVM has ended"));
            return;
        }
        if (sites.size() == found) {
            rows.add(NodeValue.error(node, null, -1, suspended ? "suspended elsewhere, not in " + method : "running (not suspended)"));
        }
    }

    private static void innermostFrame(IJavaThread thread, FrameMethod method, int node, List<Site> sites) {
        try {
            for (IStackFrame frame : thread.getStackFrames()) {
                if (frame instanceof IJavaStackFrame java && method.runs(java)) {
                    sites.add(new Site(node, thread, java, java.getLineNumber()));
                    return;
                }
            }
        } catch (DebugException resumed) {
            // the thread resumed while it was read: it is not in the method now
        }
    }

    /** A value the expression has no text for (a null on its path, a missing field). */
    private static final class NoValue extends Exception {
        private static final long serialVersionUID = 1L;

        NoValue(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The value of a name and field path, read through the debug model; null when its first name is not a variable
     * of the frame (a class name, perhaps: the evaluation engine resolves it).
     */
    private static IJavaValue readPath(IJavaStackFrame frame, String path) throws DebugException, NoValue {
        String[] names = path.split("\\.");
        IJavaValue value;
        if (names[0].equals("this")) {
            value = frame.getThis();
            if (value == null) {
                throw new NoValue(frame.getMethodName() + " is static: it has no this");
            }
        } else {
            IJavaVariable variable = frame.findVariable(names[0]);
            if (variable == null) {
                return null;
            }
            value = (IJavaValue) variable.getValue();
        }
        String read = names[0];
        for (String name : Arrays.asList(names).subList(1, names.length)) {
            if (value.isNull()) {
                throw new NoValue(read + " is null");
            }
            if (value instanceof IJavaArray array && name.equals("length")) {
                value = ((IJavaDebugTarget) frame.getDebugTarget()).newValue(array.getLength());
            } else if (value instanceof IJavaObject object && !(value instanceof IJavaArray)) {
                IJavaFieldVariable field = object.getField(name, false);
                if (field == null) {
                    throw new NoValue(read + " (" + object.getReferenceTypeName() + ") has no field " + name);
                }
                value = (IJavaValue) field.getValue();
            } else {
                throw new NoValue(read + " is " + value.getReferenceTypeName() + ": it has no field " + name);
            }
            read += "." + name;
        }
        return value;
    }

    private static CompletableFuture<IEvaluationResult> startEvaluation(IJavaProject project, Site site, String expression) throws DebugException {
        IAstEvaluationEngine engine = EvaluationManager.newAstEvaluationEngine(project, (IJavaDebugTarget) site.frame().getDebugTarget());
        CompletableFuture<IEvaluationResult> result = new CompletableFuture<>();
        try {
            engine.evaluate(expression, site.frame(), evaluated -> {
                result.complete(evaluated);
                engine.dispose();
            }, DebugEvent.EVALUATION_IMPLICIT, false);
        } catch (DebugException e) {
            engine.dispose();
            throw e;
        }
        return result;
    }

    /** Waits for an evaluation, polling for cancellation (an evaluation cannot be stopped; it is left to end). */
    private static IEvaluationResult await(CompletableFuture<IEvaluationResult> evaluation, IProgressMonitor monitor) {
        while (true) {
            checkCanceled(monitor);
            try {
                return evaluation.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                // poll again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OperationCanceledException("interrupted");
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private static NodeValue result(Site site, IEvaluationResult result) {
        if (result.hasErrors()) {
            String[] messages = result.getErrorMessages();
            return error(site, messages.length > 0 ? String.join("; ", messages) : message(result.getException()));
        }
        try {
            IJavaValue value = result.getValue();
            return value == null ? error(site, "no value") : NodeValue.value(site.node(), site.thread().getName(), site.line(), ValueText.of(value, site.thread()));
        } catch (DebugException e) {
            return error(site, message(e));
        }
    }

    private static NodeValue error(Site site, String error) {
        String thread;
        try {
            thread = site.thread().getName();
        } catch (DebugException ended) {
            thread = null;
        }
        return NodeValue.error(site.node(), thread, site.line(), error);
    }

    private static String message(DebugException e) {
        if (e == null) {
            return "the evaluation failed";
        }
        Throwable cause = e.getStatus().getException();
        return e.getMessage() + (cause != null && cause.getMessage() != null && !e.getMessage().contains(cause.getMessage()) ? ": " + cause.getMessage() : "");
    }

    private static void checkCanceled(IProgressMonitor monitor) {
        if (monitor.isCanceled()) {
            throw new OperationCanceledException("the comparison was canceled");
        }
    }

    /** The Java project the launch runs, whose class path compiles expressions; null when it is not in the workspace. */
    private static IJavaProject projectOf(ILaunch launch) {
        ILaunchConfiguration configuration = launch.getLaunchConfiguration();
        try {
            String name = configuration == null ? "" : configuration.getAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, "");
            if (name.isEmpty()) {
                return null;
            }
            IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
            return project.isOpen() ? JavaCore.create(project) : null;
        } catch (CoreException | IllegalArgumentException unreadable) {
            return null;
        }
    }
}
