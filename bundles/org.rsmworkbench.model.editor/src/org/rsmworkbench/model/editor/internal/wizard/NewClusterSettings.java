// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.editor.internal.wizard;

import java.util.ArrayList;
import java.util.List;

import org.rsmworkbench.model.ClusterFiles;
import org.rsmworkbench.model.ClusterShapes;
import org.rsmworkbench.model.ClusterShapes.Shape;
import org.rsmworkbench.model.ClusterValidation;
import org.rsmworkbench.model.cluster.Cluster;
import org.rsmworkbench.model.cluster.ClusterPackage;
import org.rsmworkbench.model.cluster.Credentials;
import org.rsmworkbench.model.cluster.Node;
import org.rsmworkbench.model.editor.internal.properties.ValueText;

/**
 * What the "New RSM Cluster" page asks for, as typed, and its checks: {@link #validate} gives a message for
 * every wrong field (and warnings for clusters the emulator cannot start), {@link #createCluster} the
 * cluster to write. Needs no display; the workspace is asked through {@link Workspace}.
 */
public final class NewClusterSettings {
    /** The most nodes the wizard makes. */
    public static final int MAX_NODES = 1024;

    /** The fields of the page. */
    public enum Field {
        CONTAINER, FILE_NAME, CLUSTER_NAME, NODE_COUNT, SHAPE, UID, GID, UMASK
    }

    /** A message about a field: an error (the page cannot finish) or a warning. */
    public record Message(Field field, boolean error, String text) {
    }

    /** The questions the checks ask of the workspace. */
    public interface Workspace {
        /** Null if a file can be created in the folder (full workspace path), else why not. */
        String checkContainer(String containerPath);

        /** Null if the name is a valid file name, else why not. */
        String checkFileName(String fileName);

        /** True if the folder has a file or folder of that name. */
        boolean exists(String containerPath, String fileName);
    }

    public String container = "";
    public String fileName = "cluster." + ClusterFiles.FILE_EXTENSION;
    public String clusterName = "cluster";
    public String nodeCount = "4";
    public Shape shape = Shape.FULLY_CONNECTED;
    public String uid = "1000";
    public String gid = "1000";
    public String umask = "022";
    public boolean privileged;

    /** The file name with {@code .rsmcluster} added if it has no extension. */
    public String normalizedFileName() {
        String name = fileName.strip();
        return name.isEmpty() || name.contains(".") ? name : name + "." + ClusterFiles.FILE_EXTENSION;
    }

    /** Every problem with the settings, errors and warnings, in the order of the fields. */
    public List<Message> validate(Workspace workspace) {
        List<Message> messages = new ArrayList<>();
        String folder = container.strip();
        boolean folderOk = false;
        if (folder.isEmpty()) {
            messages.add(error(Field.CONTAINER, "Enter the folder to create the cluster file in."));
        } else {
            String problem = workspace.checkContainer(folder);
            if (problem != null) {
                messages.add(error(Field.CONTAINER, problem));
            } else {
                folderOk = true;
            }
        }
        String name = normalizedFileName();
        if (name.isEmpty()) {
            messages.add(error(Field.FILE_NAME, "Enter a file name."));
        } else if (name.contains("/") || name.contains("\\")) {
            messages.add(error(Field.FILE_NAME, "The file name cannot contain '/' or '\\': choose the folder above."));
        } else {
            String problem = workspace.checkFileName(name);
            if (problem != null) {
                messages.add(error(Field.FILE_NAME, problem));
            } else if (!name.endsWith("." + ClusterFiles.FILE_EXTENSION)) {
                messages.add(error(Field.FILE_NAME, "The file name must end with ." + ClusterFiles.FILE_EXTENSION + "."));
            } else if (folderOk && workspace.exists(folder, name)) {
                messages.add(error(Field.FILE_NAME, "'" + name + "' already exists in " + folder + ": choose another name."));
            }
        }
        if (clusterName.isBlank()) {
            messages.add(error(Field.CLUSTER_NAME, "Enter a cluster name (it names the running cluster)."));
        } else if (clusterName.chars().anyMatch(Character::isISOControl)) {
            messages.add(error(Field.CLUSTER_NAME, "The cluster name cannot contain control characters."));
        }
        Integer nodes = wholeNumber(nodeCount);
        if (nodes == null) {
            messages.add(error(Field.NODE_COUNT, "The node count must be a whole number, not '" + nodeCount.strip() + "'."));
        } else if (nodes < 1) {
            messages.add(error(Field.NODE_COUNT, "A cluster has at least 1 node."));
        } else if (nodes > MAX_NODES) {
            messages.add(error(Field.NODE_COUNT, "The wizard makes at most " + MAX_NODES + " nodes."));
        } else {
            if (nodes > ClusterValidation.EMULATOR_MAX_NODES) {
                messages.add(warning(Field.NODE_COUNT, "The emulator runs at most " + ClusterValidation.EMULATOR_MAX_NODES
                        + " nodes: this cluster can be designed and saved, but not started."));
            }
            long links = linkCount(shape, nodes);
            if (links > ClusterValidation.EMULATOR_MAX_LINKS) {
                messages.add(warning(Field.SHAPE, shape.label() + " with " + nodes + " nodes has " + links
                        + " links, more than the emulator's " + ClusterValidation.EMULATOR_MAX_LINKS
                        + ": choose one or two switches to start it."));
            }
        }
        if (shape == null) {
            messages.add(error(Field.SHAPE, "Choose a shape."));
        }
        Integer u = wholeNumber(uid);
        if (u == null || u < 0) {
            messages.add(error(Field.UID, "The uid must be a whole number of 0 or more, not '" + uid.strip() + "'."));
        }
        Integer g = wholeNumber(gid);
        if (g == null || g < 0) {
            messages.add(error(Field.GID, "The gid must be a whole number of 0 or more, not '" + gid.strip() + "'."));
        }
        Integer mask = umask();
        if (mask == null || mask > 0777) {
            messages.add(error(Field.UMASK, "The umask must be octal from 000 to 0777 (e.g. 022), not '" + umask.strip() + "'."));
        }
        return messages;
    }

    /** The first error, or null if there is none. */
    public static Message firstError(List<Message> messages) {
        return messages.stream().filter(Message::error).findFirst().orElse(null);
    }

    /** The cluster these settings make (call when {@link #validate} has no error). */
    public Cluster createCluster() {
        Cluster cluster = ClusterShapes.create(clusterName.strip(), shape, wholeNumber(nodeCount));
        for (Node node : cluster.getNodes()) {
            Credentials c = node.getDefaultCredentials();
            c.setUid(wholeNumber(uid));
            c.setGid(wholeNumber(gid));
            c.setUmask(umask());
            c.setPrivileged(privileged);
        }
        return cluster;
    }

    /** The links a shape of n nodes has, switches expanded. */
    public static long linkCount(Shape shape, long n) {
        if (shape == null) {
            return 0;
        }
        return switch (shape) {
        case NODES_ONLY -> 0;
        case FULLY_CONNECTED, SWITCH -> n * (n - 1) / 2;
        case RING -> n < 2 ? 0 : n == 2 ? 1 : n;
        case TWO_SWITCHES -> {
            long half = (n + 1) / 2;
            long rest = n - half;
            yield half * (half - 1) / 2 + rest * (rest - 1) / 2 + (rest > 0 ? 1 : 0);
        }
        };
    }

    private Integer umask() {
        try {
            return (Integer) ValueText.parse(ClusterPackage.Literals.OCTAL_MODE, umask);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Integer wholeNumber(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Message error(Field field, String text) {
        return new Message(field, true, text);
    }

    private static Message warning(Field field, String text) {
        return new Message(field, false, text);
    }
}
