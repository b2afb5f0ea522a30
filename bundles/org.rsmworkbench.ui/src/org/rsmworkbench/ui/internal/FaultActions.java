// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal;

import java.util.LinkedHashMap;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.MessageDialogWithToggle;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.emulator.launch.Fault;
import org.rsmworkbench.emulator.launch.FaultInjector;
import org.rsmworkbench.ui.internal.preferences.Preferences;

/**
 * How the views inject a fault: a fault that cuts programs off (killing a node, taking a link down) is confirmed
 * first, once, in a dialog whose "Do not ask again" clears {@link Preferences#CONFIRM_FAULTS}, so that one stray click
 * does not end a run; then the cluster injects it, which logs it on its launch's cluster console with the view as
 * its source. A fault that could not be applied is reported in a dialog.
 * <p>
 * The fault is injected in a job, never on the UI thread: a kill or a link taken down waits for the importers'
 * JVMs to cut their mappings (up to {@code EmulatedCluster.IMPORTER_CUT_TIMEOUT_MILLIS} for a JVM that a debugger
 * holds suspended) and for the registry lock. The jobs share one rule, so faults apply in the order given.
 */
public final class FaultActions {
    /** The title of the confirmation dialog. */
    public static final String CONFIRM_TITLE = "Inject a Fault";
    /** The label of its toggle. */
    public static final String DO_NOT_ASK = "Do not ask again";

    /** Faults are applied one after the other, in the order the user gave them. */
    private static final ISchedulingRule ONE_AT_A_TIME = new ISchedulingRule() {
        @Override
        public boolean contains(ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return rule == this;
        }
    };

    private FaultActions() {
    }

    /**
     * Asks (unless the user said not to ask again), then injects {@code fault} into {@code cluster} in a job.
     *
     * @param source the view, for the log line: "Clusters view", "Topology view"
     * @param applied run on the UI thread once the fault has changed the cluster (e.g. to redraw at once)
     * @return whether the fault is being injected: false when the user cancelled
     */
    public static boolean inject(Shell shell, RunningCluster cluster, Fault fault, String source, Runnable applied) {
        String consequences = consequences(fault);
        if (consequences != null && !confirmed(shell, cluster, fault, consequences)) {
            return false;
        }
        Display display = shell.getDisplay();
        String what = Character.toUpperCase(fault.describe().charAt(0)) + fault.describe().substring(1);
        Job job = Job.create(what + " in " + cluster.label(), _ -> {
            FaultInjector.Result result = cluster.inject(fault, source);
            RsmUiPlugin.getDefault().monitor().wake();
            display.asyncExec(() -> {
                if (result.applied()) {
                    applied.run();
                } else {
                    MessageDialog.openError(shell.isDisposed() ? null : shell, CONFIRM_TITLE,
                            "Could not " + fault.describe() + ":\n" + result.line());
                }
            });
            return Status.OK_STATUS;
        });
        job.setRule(ONE_AT_A_TIME);
        job.schedule();
        return true;
    }

    /** {@link #inject(Shell, RunningCluster, Fault, String, Runnable)} with nothing to run after. */
    public static boolean inject(Shell shell, RunningCluster cluster, Fault fault, String source) {
        return inject(shell, cluster, fault, source, () -> {
        });
    }

    /** What a fault that cuts programs off does to them, or null for one that needs no confirmation. */
    private static String consequences(Fault fault) {
        return switch (fault) {
            case Fault.KillNode _ -> "The node goes down as if it crashed: the JVM of its program is killed (exit status 137), "
                    + "its segments vanish, and the other nodes' connections to them are forcibly disconnected. It stays down, "
                    + "greyed in the Clusters view, until you choose Restart Node, which starts its program again.";
            case Fault.SetLink link when !link.up() -> "The connections that go through it are forcibly disconnected "
                    + "(CONN_ABORTED), and connects and signals between node " + link.nodeA() + " and node " + link.nodeB()
                    + " fail (REMOTE_NODE_UNREACHABLE) until you bring it up again.";
            default -> null;
        };
    }

    private static boolean confirmed(Shell shell, RunningCluster cluster, Fault fault, String consequences) {
        IPreferenceStore preferences = RsmUiPlugin.getDefault().getPreferenceStore();
        if (!preferences.getBoolean(Preferences.CONFIRM_FAULTS)) {
            return true;
        }
        String action = Character.toUpperCase(fault.describe().charAt(0)) + fault.describe().substring(1);
        LinkedHashMap<String, Integer> buttons = new LinkedHashMap<>();
        buttons.put(action, IDialogConstants.OK_ID);
        buttons.put(IDialogConstants.CANCEL_LABEL, IDialogConstants.CANCEL_ID);
        MessageDialogWithToggle dialog = new MessageDialogWithToggle(shell, CONFIRM_TITLE, null,
                action + " in " + cluster.label() + "?\n\n" + consequences + "\n\nThe cluster's console logs every fault.",
                MessageDialog.QUESTION, buttons, 0, DO_NOT_ASK, false);
        boolean confirmed = dialog.open() == IDialogConstants.OK_ID;
        if (confirmed && dialog.getToggleState()) {
            preferences.setValue(Preferences.CONFIRM_FAULTS, false);
        }
        return confirmed;
    }
}
