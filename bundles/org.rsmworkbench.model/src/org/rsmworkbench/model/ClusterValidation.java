// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model;

import java.util.Map;

import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.rsmworkbench.model.cluster.Cluster;
import org.rsmworkbench.model.cluster.util.ClusterValidator;

/**
 * Validation of a cluster model. The constraints run in the registered {@link ClusterValidator}, so
 * the EMF {@link Diagnostician} (an editor's validate action, a builder) reports them too. Every
 * diagnostic has {@link #SOURCE} as source, one of the codes below, the offending object first in
 * its data, and a message that names the object and says how to fix it.
 * <p>
 * Errors make a model unusable (it cannot be converted to a {@code ClusterSpec}, or the emulator
 * refuses it). Warnings mark models that are valid designs but that the emulator cannot start as
 * they are: node ids of 64 and up (the emulator, like the kernel agent, runs node ids 0..63, so
 * at most 64 nodes), and more links than the emulator holds (4096, switches expanded).
 */
public final class ClusterValidation {
    /** The source of every diagnostic of these constraints. */
    public static final String SOURCE = ClusterValidator.DIAGNOSTIC_SOURCE;

    public static final int CLUSTER_NAME = 1;
    public static final int PAGE_SIZE = 2;
    public static final int DUPLICATE_NODE_ID = 3;
    public static final int NEGATIVE_NODE_ID = 4;
    /** Warning: a node id the emulator does not run (64 and up). */
    public static final int NODE_ID_BEYOND_EMULATOR = 5;
    public static final int CONTROLLER_NAME = 6;
    public static final int DUPLICATE_CONTROLLER_NAME = 7;
    public static final int LINK_END_MISSING = 8;
    public static final int LINK_SAME_NODE = 9;
    public static final int SWITCH_PORT = 10;
    public static final int ACL_TEMPLATE_NAME = 11;
    public static final int DUPLICATE_ACL_TEMPLATE_NAME = 12;
    public static final int TOO_MANY_ACL_ENTRIES = 13;
    public static final int ACL_ENTRY_NODE = 14;
    public static final int ACL_ENTRY_PERMISSION = 15;
    public static final int CREDENTIALS_ID = 16;
    public static final int CREDENTIALS_UMASK = 17;
    /** Warning: more links (switches expanded) than the emulator holds. */
    public static final int TOO_MANY_LINKS = 18;
    public static final int SWITCH_NAME = 19;

    /** Node ids that the emulator runs are below this (RSMAPI's MAX_NODES). */
    public static final int EMULATOR_MAX_NODES = org.rsmworkbench.emulator.ClusterSpec.MAX_NODES;
    /** The most links (after switch expansion) that the emulator holds. */
    public static final int EMULATOR_MAX_LINKS = org.rsmworkbench.emulator.ClusterSpec.MAX_LINKS;
    /** The most entries an ACL may have (the kernel agent's MAX_NODES). */
    public static final int MAX_ACL_ENTRIES = 64;

    private ClusterValidation() {
    }

    /** Validates the cluster and everything in it: EMF's own checks (multiplicities, references) and ours. */
    public static Diagnostic validate(Cluster cluster) {
        return validate((EObject) cluster);
    }

    /** Validates any object of a cluster model and its contents. */
    public static Diagnostic validate(EObject object) {
        Diagnostician diagnostician = new Diagnostician();
        BasicDiagnostic diagnostics = diagnostician.createDefaultDiagnostic(object);
        Map<Object, Object> context = diagnostician.createDefaultContext();
        diagnostician.validate(object, diagnostics, context);
        return diagnostics;
    }
}
