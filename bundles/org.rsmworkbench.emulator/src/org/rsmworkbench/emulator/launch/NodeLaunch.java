// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.rsmworkbench.rsmapi.Credentials;

/**
 * What one node of a launch runs: the main class and its arguments, the JVM arguments added for this node
 * (after the plan's), and the credentials of its process. {@link LaunchPlan.Builder} makes these with the
 * plan's defaults applied.
 */
public record NodeLaunch(int nodeId, String mainClass, List<String> arguments, List<String> jvmArguments,
        Credentials credentials) {
    private static final Pattern BINARY_CLASS_NAME = Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*"
            + "(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*");

    public NodeLaunch {
        if (mainClass == null || mainClass.isBlank()) {
            throw new IllegalArgumentException("no main class for node " + nodeId);
        }
        if (!BINARY_CLASS_NAME.matcher(mainClass).matches()) {
            throw new IllegalArgumentException("main class \"" + mainClass + "\" of node " + nodeId
                    + " is not a class name like org.example.Main");
        }
        Objects.requireNonNull(credentials, "credentials");
        arguments = List.copyOf(arguments);
        jvmArguments = List.copyOf(jvmArguments);
    }
}
