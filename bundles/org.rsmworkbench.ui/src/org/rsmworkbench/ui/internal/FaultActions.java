// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal;

import java.util.LinkedHashMap;
import java.util.function.Supplier;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.MessageDialogWithToggle;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.rsmworkbench.core.clusters.HostFaultChoices;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.emulator.launch.Fault;
import org.rsmworkbench.emulator.launch.FaultInjector;
import org.rsmworkbench.emulator.launch.HostFault;
import org.rsmworkbench.emulator.launch.HostFaultInjector;
import org.rsmworkbench.emulator.launch.HostsFile;
import org.rsmworkbench.ui.internal.preferences.Preferences;

/**
 * How the views inject a fault: a fault that cuts programs off (killing a node or a host, taking a link down, cutting
 * the link between two hosts) is confirmed first, once, in a dialog whose "Do not ask again" clears
 * {@link Preferences#CONFIRM_FAULTS}, so that one stray click does not end a run; then the cluster (or, for a fault of
 * its hosts, the launch's {@link HostFaultInjector}) injects it, which logs it on its launch's cluster console with the
 * view as its source. A fault that could not be applied is reported in a dialog.
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
        return inject(shell, cluster, fault.describe(), consequences(fault), () -> cluster.inject(fault, source), applied);
    }

    /**
     * Asks (as for a node's fault), then injects a fault of the hosts of {@code cluster}'s launch across hosts through
     * its {@link RunningCluster#hostFaults() injector}, in a job; logged on the cluster's console with {@code source}.
     *
     * @return whether the fault is being injected: false when the user cancelled
     * @throws IllegalArgumentException when the launch of {@code cluster} is not one across hosts
     */
    public static boolean inject(Shell shell, RunningCluster cluster, HostFault fault, String source) {
        HostFaultInjector injector = cluster.hostFaults()
                .orElseThrow(() -> new IllegalArgumentException(cluster.label() + " is not launched across hosts"));
        return inject(shell, cluster, fault.describe(), consequences(fault, injector.hosts()), () -> injector.inject(fault, source),
                () -> {
                });
    }

    /** Confirms a fault that has {@code consequences} (none: no question), then injects it in a job. */
    private static boolean inject(Shell shell, RunningCluster cluster, String describe, String consequences,
            Supplier<FaultInjector.Result> injection, Runnable applied) {
        if (consequences != null && !confirmed(shell, cluster, describe, consequences)) {
            return false;
        }
        Display display = shell.getDisplay();
        Job job = Job.create(capitalized(describe) + " in " + cluster.label(), _ -> {
            FaultInjector.Result result = injection.get();
            RsmUiPlugin.getDefault().monitor().wake();
            display.asyncExec(() -> {
                if (result.applied()) {
                    applied.run();
                } else {
                    MessageDialog.openError(shell.isDisposed() ? null : shell, CONFIRM_TITLE,
                            "Could not " + describe + ":\n" + result.line());
                }
            });
            return Status.OK_STATUS;
        });
        job.setRule(ONE_AT_A_TIME);
        job.schedule();
        return true;
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
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

    /** What a fault of hosts that cuts programs off does to them, or null for one that needs no confirmation. */
    private static String consequences(HostFault fault, HostsFile hosts) {
        return switch (fault.kind()) {
            case KILL_HOST -> "The node JVMs on host " + fault.hostA() + " (" + HostFaultChoices.nodes(hosts.host(fault.hostA()))
                    + ") are killed as if the host crashed (SIGKILL): "
                    + "nothing of theirs ends cleanly, and the other nodes lose their connections to its segments.";
            case LINK_DOWN -> "Traffic between hosts " + fault.hostA() + " and " + fault.hostB() + " is dropped (a blackhole route "
                    + "to the other's address on each, through its run= prefix) until you choose Restore Link Between Hosts, "
                    + "or the cluster stops.";
            case LINK_UP -> null;
        };
    }

    private static boolean confirmed(Shell shell, RunningCluster cluster, String describe, String consequences) {
        IPreferenceStore preferences = RsmUiPlugin.getDefault().getPreferenceStore();
        if (!preferences.getBoolean(Preferences.CONFIRM_FAULTS)) {
            return true;
        }
        String action = capitalized(describe);
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
