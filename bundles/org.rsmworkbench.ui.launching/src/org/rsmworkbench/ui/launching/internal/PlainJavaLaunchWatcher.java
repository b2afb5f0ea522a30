// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal;

import java.util.Map;
import java.util.WeakHashMap;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.ILaunchesListener2;
import org.eclipse.debug.core.IStreamListener;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IStreamMonitor;
import org.eclipse.debug.core.model.IStreamsProxy;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.IType;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.eclipse.jdt.launching.JavaRuntime;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

/**
 * Explains a node program run as a plain Java application. Such a JVM is no node of a cluster, so the program's
 * {@code Rsm.open()} fails, saying that the system property {@code rsm.cluster} is not set; when a Java
 * Application launch prints that, a dialog says how node programs run and offers to run this one as an RSM
 * Cluster Application. Watching the outcome, rather than warning before the launch, leaves alone the plain
 * programs of RSM projects that start a cluster inside their own JVM ({@code EmulatedCluster.start}).
 */
public final class PlainJavaLaunchWatcher implements IStartup, ILaunchesListener2 {
    /** What {@code Rsm.open()} says in a JVM that is not a node process (its {@code CTLR_NOT_PRESENT} message). */
    static final String NOT_A_NODE = "system property rsm.cluster is not set";
    /** The dialog's title. */
    static final String TITLE = "RSM Node Program";

    /** The launches watched, and whether they were explained already. */
    private final Map<ILaunch, Boolean> explained = new WeakHashMap<>();
    /** The processes watched. */
    private final Map<IProcess, Boolean> watched = new WeakHashMap<>();

    @Override
    public void earlyStartup() {
        DebugPlugin.getDefault().getLaunchManager().addLaunchListener(this);
    }

    @Override
    public void launchesChanged(ILaunch[] launches) {
        for (ILaunch launch : launches) {
            if (isJavaApplication(launch)) {
                for (IProcess process : launch.getProcesses()) {
                    watch(launch, process);
                }
            }
        }
    }

    private static boolean isJavaApplication(ILaunch launch) {
        ILaunchConfiguration config = launch.getLaunchConfiguration();
        try {
            return config != null && IJavaLaunchConfigurationConstants.ID_JAVA_APPLICATION.equals(config.getType().getIdentifier());
        } catch (CoreException e) {
            return false;
        }
    }

    private void watch(ILaunch launch, IProcess process) {
        IStreamsProxy streams = process.getStreamsProxy();
        synchronized (this) {
            if (streams == null || watched.put(process, Boolean.TRUE) != null) {
                return;
            }
        }
        IStreamMonitor errors = streams.getErrorStreamMonitor();
        // the listener first, then what was printed before it: a message split between the two is seen whole
        StringBuilder tail = new StringBuilder();
        IStreamListener listener = new IStreamListener() {
            @Override
            public void streamAppended(String text, IStreamMonitor monitor) {
                synchronized (tail) {
                    tail.append(text);
                    if (tail.indexOf(NOT_A_NODE) >= 0) {
                        monitor.removeListener(this);
                        explain(launch);
                    } else if (tail.length() > 4 * NOT_A_NODE.length()) {
                        tail.delete(0, tail.length() - NOT_A_NODE.length());
                    }
                }
            }
        };
        errors.addListener(listener);
        String before = errors.getContents();
        if (before != null && before.contains(NOT_A_NODE)) {
            errors.removeListener(listener);
            explain(launch);
        }
    }

    /** Shows the dialog, once per launch. */
    private void explain(ILaunch launch) {
        synchronized (this) {
            if (explained.put(launch, Boolean.TRUE) != null) {
                return;
            }
        }
        ILaunchConfiguration config = launch.getLaunchConfiguration();
        String mainType = mainType(config);
        IWorkbench workbench = PlatformUI.getWorkbench();
        Display display = workbench.getDisplay();
        display.asyncExec(() -> {
            IType type = findType(config, mainType);
            boolean debug = ILaunchManager.DEBUG_MODE.equals(launch.getLaunchMode());
            String runAs = debug ? "Debug" : "Run";
            String message = (mainType.isEmpty() ? "The program" : mainType) + " ran as a plain Java application, so Rsm.open() "
                    + "failed: this JVM is not a node of a simulated cluster.\n\n"
                    + "An RSM program runs on every node of a cluster, one JVM per node. Run it with " + runAs
                    + " As > RSM Cluster Application (" + (debug ? "Alt+Shift+D R" : "Alt+Shift+X R") + "): RSM Workbench starts the cluster "
                    + "of its launch configuration (4 nodes, fully connected, for a new one) and the program's node JVMs, "
                    + "each with a console of its own.";
            String[] buttons = type != null ? new String[] {runAs + " as RSM Cluster Application", IDialogConstants.CLOSE_LABEL}
                    : new String[] {IDialogConstants.CLOSE_LABEL};
            // over the window the launch came from; the active shell is null while the IDE has no focus
            Shell parent = display.getActiveShell() != null || workbench.getWorkbenchWindowCount() == 0 ? display.getActiveShell()
                    : workbench.getWorkbenchWindows()[0].getShell();
            MessageDialog dialog = new MessageDialog(parent, TITLE, null, message, MessageDialog.INFORMATION, 0, buttons);
            if (dialog.open() == 0 && type != null) {
                ILaunchConfiguration cluster = new ClusterLaunchShortcut().configurationFor(type);
                if (cluster != null) {
                    DebugUITools.launch(cluster, launch.getLaunchMode());
                }
            }
        });
    }

    private static String mainType(ILaunchConfiguration config) {
        try {
            return config == null ? "" : config.getAttribute(IJavaLaunchConfigurationConstants.ATTR_MAIN_TYPE_NAME, "").strip();
        } catch (CoreException e) {
            return "";
        }
    }

    private static IType findType(ILaunchConfiguration config, String mainType) {
        try {
            IJavaProject project = config == null || mainType.isEmpty() ? null : JavaRuntime.getJavaProject(config);
            return project == null ? null : project.findType(mainType.replace('$', '.'));
        } catch (CoreException e) {
            return null;
        }
    }

    @Override
    public void launchesAdded(ILaunch[] launches) {
        launchesChanged(launches);
    }

    @Override
    public void launchesRemoved(ILaunch[] launches) {
    }

    @Override
    public void launchesTerminated(ILaunch[] launches) {
    }
}
