// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.preferences;

import org.rsmworkbench.ui.internal.HelpContexts;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.ColorFieldEditor;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.rsmworkbench.ui.internal.RsmUiPlugin;

/** Refresh rates, the changed-byte colour and fading, the inspector's default rendering, confirming faults. */
public final class RsmPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {
    public RsmPreferencePage() {
        super(GRID);
        setDescription("How the RSM views watch a running cluster.");
    }

    @Override
    public void createControl(org.eclipse.swt.widgets.Composite parent) {
        super.createControl(parent);
        HelpContexts.set(getControl(), HelpContexts.PREFERENCES);
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(RsmUiPlugin.getDefault().getPreferenceStore());
    }

    @Override
    protected void createFieldEditors() {
        IntegerFieldEditor cluster = new IntegerFieldEditor(Preferences.CLUSTER_REFRESH_RATE,
                "Cluster state refreshes per &second (Clusters, Permissions, Topology):", getFieldEditorParent());
        cluster.setValidRange(1, 60);
        addField(cluster);
        IntegerFieldEditor inspector = new IntegerFieldEditor(Preferences.INSPECTOR_REFRESH_RATE,
                "Segment &inspector refreshes per second (new inspectors):", getFieldEditorParent());
        inspector.setValidRange(1, 60);
        addField(inspector);
        addField(new ColorFieldEditor(Preferences.CHANGED_COLOR, "&Changed byte colour:", getFieldEditorParent()));
        IntegerFieldEditor fade = new IntegerFieldEditor(Preferences.FADE_REFRESHES,
                "Refreshes a change takes to &fade out:", getFieldEditorParent());
        fade.setValidRange(1, 1000);
        addField(fade);
        String[][] formats = Preferences.formats().stream().map(c -> new String[] {c.label(), c.key()})
                .toArray(String[][]::new);
        addField(new ComboFieldEditor(Preferences.DEFAULT_FORMAT, "Default &data format of typed columns:", formats,
                getFieldEditorParent()));
        addField(new ComboFieldEditor(Preferences.BYTES_PER_ROW, "Default &bytes per row:",
                new String[][] {{"Fit the inspector's width", Integer.toString(Preferences.FIT_BYTES_PER_ROW)}, {"8", "8"},
                        {"16", "16"}, {"32", "32"}, {"64", "64"}},
                getFieldEditorParent()));
        addField(new BooleanFieldEditor(Preferences.CONFIRM_FAULTS, "As&k before a view kills a node or takes a link down",
                getFieldEditorParent()));
    }
}
