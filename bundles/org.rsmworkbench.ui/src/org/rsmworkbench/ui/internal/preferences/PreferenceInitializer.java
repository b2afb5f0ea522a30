// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.preferences;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.PreferenceConverter;
import org.eclipse.swt.graphics.RGB;
import org.rsmworkbench.ui.internal.RsmUiPlugin;

/** Defaults: cluster state 5 Hz, inspector 10 Hz, changes in orange fading over 20 refreshes, s32le, 16 bytes/row, faults confirmed. */
public final class PreferenceInitializer extends AbstractPreferenceInitializer {
    @Override
    public void initializeDefaultPreferences() {
        IPreferenceStore store = RsmUiPlugin.getDefault().getPreferenceStore();
        store.setDefault(Preferences.CLUSTER_REFRESH_RATE, 5);
        store.setDefault(Preferences.INSPECTOR_REFRESH_RATE, 10);
        PreferenceConverter.setDefault(store, Preferences.CHANGED_COLOR, new RGB(255, 140, 0));
        store.setDefault(Preferences.FADE_REFRESHES, 20);
        store.setDefault(Preferences.DEFAULT_FORMAT, "s32le");
        store.setDefault(Preferences.BYTES_PER_ROW, Preferences.FIT_BYTES_PER_ROW);
        store.setDefault(Preferences.CONFIRM_FAULTS, true);
    }
}
