// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal;

import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.rsmworkbench.core.launching.ClusterLaunchConfiguration;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.emulator.trace.RecordingSettings;

/**
 * Recording: whether the flight recorder records the run (every RSM call of every node process, the faults, the node
 * JVMs' starts and ends), where the recordings go, how large each process's log may grow and what happens then, which
 * calls record their call site, and whether gets keep the bytes they read; and whether the run detects races.
 */
public final class RecordingTab extends AbstractLaunchConfigurationTab {
    /** The choices of the combos, in the order of their items. */
    private static final List<RecordingSettings.AtLimit> AT_LIMIT = List.of(RecordingSettings.AtLimit.STOP, RecordingSettings.AtLimit.RING);
    private static final List<RecordingSettings.CallSites> CALL_SITES = List.of(RecordingSettings.CallSites.CONTROL,
            RecordingSettings.CallSites.ALL, RecordingSettings.CallSites.NONE);

    /** What race detection costs, the tooltip of its checkbox. */
    private static final String DETECT_RACES_COST = "Every node JVM runs with the race agent, which rewrites the program's classes as they load, "
            + "and records every RSM call with its line and every load and store of RSM memory: each put and get costs about a "
            + "microsecond more, each load or store of RSM memory a hook call, the recording takes disk space, and the analysis "
            + "after the run takes a while for long runs.";

    private Button record;
    private Text folder;
    private Button browse;
    private Spinner limit;
    private Combo atLimit;
    private Combo callSites;
    private Button fullGets;
    private Button detectRaces;

    @Override
    public void createControl(Composite parent) {
        Composite top = Widgets.tabArea(parent);
        setControl(top);

        Group group = Widgets.group(top, "Flight recorder", 3);
        record = Widgets.button(group, SWT.CHECK, "&Record this run: every RSM call of every node, the faults, node starts and ends");
        GridDataFactory.swtDefaults().span(3, 1).applyTo(record);
        Widgets.label(group, "&Folder:");
        folder = Widgets.text(group, 1);
        browse = Widgets.button(group, SWT.PUSH, "&Browse...");
        Widgets.hint(group, "Each run records into a new folder NAME-yyyyMMdd-HHmmss.rsmtrace in this folder (empty: the folder "
                + RsmLaunching.DEFAULT_RECORD_FOLDER + " of the project). RSM > Open Recording... shows a recording in the Timeline "
                + "view; rsm-trace exports it.", 3);
        Widgets.label(group, "&Log per process (MiB):");
        limit = new Spinner(group, SWT.BORDER);
        limit.setMinimum(1);
        limit.setMaximum(64 * 1024);
        GridDataFactory.swtDefaults().span(2, 1).applyTo(limit);
        Widgets.label(group, "When a log is &full:");
        atLimit = combo(group, "keep the first events (stop)", "keep the last events (ring)");
        Widgets.label(group, "&Call sites of:");
        callSites = combo(group, "control calls (not put, get, putv, getv)", "every call (a put costs ~1 µs more)", "no call");
        fullGets = Widgets.button(group, SWT.CHECK, "&Gets record the bytes they read (else a digest of them)");
        GridDataFactory.swtDefaults().span(3, 1).applyTo(fullGets);

        Group races = Widgets.group(top, "Race detection", 1);
        detectRaces = Widgets.button(races, SWT.CHECK, "&Detect races: report unordered conflicting accesses to segments when the run ends");
        detectRaces.setToolTipText(DETECT_RACES_COST);
        Widgets.hint(races, "The Races view shows the report and the editor marks both lines of each race; "
                + "Run As > RSM Cluster Application (detect races) turns it on for one run.", 1);

        record.addListener(SWT.Selection, _ -> changed());
        detectRaces.addListener(SWT.Selection, _ -> changed());
        folder.addListener(SWT.Modify, _ -> changed());
        limit.addListener(SWT.Modify, _ -> changed());
        atLimit.addListener(SWT.Selection, _ -> changed());
        callSites.addListener(SWT.Selection, _ -> changed());
        fullGets.addListener(SWT.Selection, _ -> changed());
        browse.addListener(SWT.Selection, _ -> browse());
        updateEnablement();
    }

    private static Combo combo(Composite parent, String... items) {
        Combo combo = new Combo(parent, SWT.READ_ONLY);
        combo.setFont(parent.getFont());
        combo.setItems(items);
        GridDataFactory.swtDefaults().span(2, 1).applyTo(combo);
        return combo;
    }

    private void browse() {
        DirectoryDialog dialog = new DirectoryDialog(getShell());
        dialog.setText("Folder of the recordings");
        dialog.setFilterPath(folder.getText());
        String chosen = dialog.open();
        if (chosen != null) {
            folder.setText(chosen);
        }
    }

    private void changed() {
        updateEnablement();
        setDirty(true);
        updateLaunchConfigurationDialog();
    }

    private void updateEnablement() {
        boolean on = record.getSelection();
        for (var control : List.of(folder, browse, limit, atLimit, callSites, fullGets)) {
            control.setEnabled(on);
        }
    }

    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
        configuration.removeAttribute(RsmLaunching.ATTR_RECORD);
        configuration.removeAttribute(RsmLaunching.ATTR_RECORD_FOLDER);
        configuration.removeAttribute(RsmLaunching.ATTR_RECORD_LIMIT_MIB);
        configuration.removeAttribute(RsmLaunching.ATTR_RECORD_AT_LIMIT);
        configuration.removeAttribute(RsmLaunching.ATTR_RECORD_CALL_SITES);
        configuration.removeAttribute(RsmLaunching.ATTR_RECORD_FULL_GETS);
        configuration.removeAttribute(RsmLaunching.ATTR_DETECT_RACES);
    }

    @Override
    public void initializeFrom(ILaunchConfiguration configuration) {
        try {
            record.setSelection(configuration.getAttribute(RsmLaunching.ATTR_RECORD, false));
            folder.setText(configuration.getAttribute(RsmLaunching.ATTR_RECORD_FOLDER, ""));
            limit.setSelection(configuration.getAttribute(RsmLaunching.ATTR_RECORD_LIMIT_MIB, RsmLaunching.DEFAULT_RECORD_LIMIT_MIB));
            atLimit.select(Math.max(0, indexOf(AT_LIMIT, configuration.getAttribute(RsmLaunching.ATTR_RECORD_AT_LIMIT, ""))));
            callSites.select(Math.max(0, indexOf(CALL_SITES, configuration.getAttribute(RsmLaunching.ATTR_RECORD_CALL_SITES, ""))));
            fullGets.setSelection(configuration.getAttribute(RsmLaunching.ATTR_RECORD_FULL_GETS, false));
            detectRaces.setSelection(ClusterLaunchConfiguration.detectRaces(configuration));
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
        }
        updateEnablement();
    }

    private static int indexOf(List<? extends Enum<?>> choices, String name) {
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy configuration) {
        configuration.setAttribute(RsmLaunching.ATTR_RECORD, record.getSelection());
        String text = folder.getText().strip();
        if (text.isEmpty()) {
            configuration.removeAttribute(RsmLaunching.ATTR_RECORD_FOLDER);
        } else {
            configuration.setAttribute(RsmLaunching.ATTR_RECORD_FOLDER, text);
        }
        configuration.setAttribute(RsmLaunching.ATTR_RECORD_LIMIT_MIB, limit.getSelection());
        configuration.setAttribute(RsmLaunching.ATTR_RECORD_AT_LIMIT, lower(AT_LIMIT.get(Math.max(0, atLimit.getSelectionIndex()))));
        configuration.setAttribute(RsmLaunching.ATTR_RECORD_CALL_SITES,
                lower(CALL_SITES.get(Math.max(0, callSites.getSelectionIndex()))));
        configuration.setAttribute(RsmLaunching.ATTR_RECORD_FULL_GETS, fullGets.getSelection());
        configuration.setAttribute(RsmLaunching.ATTR_DETECT_RACES, detectRaces.getSelection());
    }

    private static String lower(Enum<?> choice) {
        return choice.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean isValid(ILaunchConfiguration configuration) {
        setErrorMessage(null);
        String text = folder.getText().strip();
        if (!record.getSelection() || text.isEmpty()) {
            return true;
        }
        try {
            ClusterLaunchConfiguration.recordFolder(text);
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
            return false;
        }
        return true;
    }

    @Override
    public String getName() {
        return "Recording";
    }

    @Override
    public String getId() {
        return "org.rsmworkbench.ui.launching.recordingTab";
    }
}
