// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.editor.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.rsmworkbench.model.ClusterFileException;
import org.rsmworkbench.model.editor.ClusterEditorIds;

/**
 * Problem markers from validation diagnostics or a file that cannot be read. {@link #of(Diagnostic)} and
 * {@link #of(ClusterFileException)} compute the markers' contents without touching the workspace;
 * {@link #replace} puts them on the file in place of the previous ones.
 */
public final class ClusterProblems {
    /**
     * One marker to be: {@link IMarker#SEVERITY_ERROR} etc., the diagnostic's message, where (a path of labels,
     * or "line N"), the URI fragment of the offending object (null if none) and the line (0 if none).
     */
    public record Problem(int severity, String message, String location, String uriFragment, int line) {
        /** The attributes of the marker. */
        public Map<String, Object> attributes() {
            Map<String, Object> attributes = new HashMap<>();
            attributes.put(IMarker.SEVERITY, severity);
            attributes.put(IMarker.MESSAGE, message);
            attributes.put(IMarker.LOCATION, location);
            if (uriFragment != null) {
                attributes.put(ClusterEditorIds.URI_ATTRIBUTE, uriFragment);
            }
            if (line > 0) {
                attributes.put(IMarker.LINE_NUMBER, line);
            }
            return attributes;
        }
    }

    private ClusterProblems() {
    }

    /** The problems of a validation result: one per leaf diagnostic that is not OK, in order. */
    public static List<Problem> of(Diagnostic diagnostic) {
        List<Problem> problems = new ArrayList<>();
        collect(diagnostic, problems);
        return problems;
    }

    /**
     * The first error message of each object that a validation result's errors are about, in the order the validator
     * reported them: what the editor's tree marks. Errors about no object are left out.
     */
    public static Map<EObject, String> errorsByObject(Diagnostic diagnostic) {
        Map<EObject, String> errors = new LinkedHashMap<>();
        collectErrors(diagnostic, errors);
        return errors;
    }

    private static void collectErrors(Diagnostic diagnostic, Map<EObject, String> errors) {
        if (markerSeverity(diagnostic.getSeverity()) != IMarker.SEVERITY_ERROR) {
            return;
        }
        if (!diagnostic.getChildren().isEmpty()) {
            for (Diagnostic child : diagnostic.getChildren()) {
                collectErrors(child, errors);
            }
            return;
        }
        EObject object = offender(diagnostic);
        if (object != null) {
            errors.putIfAbsent(object, diagnostic.getMessage());
        }
    }

    /** The object a leaf diagnostic is about: its first datum that is a model object, not a feature; or null. */
    private static EObject offender(Diagnostic diagnostic) {
        for (Object datum : diagnostic.getData()) {
            if (datum instanceof EObject e && !(datum instanceof EStructuralFeature)) {
                return e;
            }
        }
        return null;
    }

    /** The one problem of a file that cannot be read: its cause, at its line. */
    public static Problem of(ClusterFileException e) {
        String cause = e.getMessage();
        String prefix = e.location() + (e.line() > 0 ? ":" + e.line() + (e.column() > 0 ? ":" + e.column() : "") : "") + ": ";
        if (cause != null && cause.startsWith(prefix)) {
            cause = cause.substring(prefix.length());
        }
        String location = e.line() > 0 ? "line " + e.line() + (e.column() > 0 ? ", column " + e.column() : "") : "file";
        return new Problem(IMarker.SEVERITY_ERROR, "Cannot read the cluster file: " + cause, location, null, e.line());
    }

    /** The marker severity of a diagnostic severity. */
    public static int markerSeverity(int diagnosticSeverity) {
        if ((diagnosticSeverity & Diagnostic.ERROR) != 0 || (diagnosticSeverity & Diagnostic.CANCEL) != 0) {
            return IMarker.SEVERITY_ERROR;
        }
        if ((diagnosticSeverity & Diagnostic.WARNING) != 0) {
            return IMarker.SEVERITY_WARNING;
        }
        return IMarker.SEVERITY_INFO;
    }

    /**
     * Replaces the file's {@link ClusterEditorIds#PROBLEM_MARKER} markers by these, in one workspace
     * operation (one Problems view update). Call it from a job: it takes the file's marker rule.
     */
    public static void replace(IFile file, List<Problem> problems) throws CoreException {
        if (!file.exists()) {
            return;
        }
        IWorkspaceRunnable update = _ -> {
            file.deleteMarkers(ClusterEditorIds.PROBLEM_MARKER, false, IResource.DEPTH_ZERO);
            for (Problem p : problems) {
                IMarker marker = file.createMarker(ClusterEditorIds.PROBLEM_MARKER);
                marker.setAttributes(p.attributes());
            }
        };
        file.getWorkspace().run(update, file.getWorkspace().getRuleFactory().markerRule(file), 0, null);
    }

    private static void collect(Diagnostic diagnostic, List<Problem> problems) {
        if (diagnostic.getSeverity() == Diagnostic.OK) {
            return;
        }
        if (!diagnostic.getChildren().isEmpty()) {
            for (Diagnostic child : diagnostic.getChildren()) {
                collect(child, problems);
            }
            return;
        }
        EObject object = offender(diagnostic);
        EStructuralFeature feature = null;
        for (Object datum : diagnostic.getData()) {
            if (datum instanceof EStructuralFeature f) {
                feature = f;
                break;
            }
        }
        String location = object == null ? "file" : ClusterLabels.path(object);
        if (feature != null) {
            location += ": " + feature.getName();
        }
        Resource resource = object == null ? null : object.eResource();
        String fragment = resource == null ? null : resource.getURIFragment(object);
        problems.add(new Problem(markerSeverity(diagnostic.getSeverity()), diagnostic.getMessage(), location, fragment, 0));
    }
}
