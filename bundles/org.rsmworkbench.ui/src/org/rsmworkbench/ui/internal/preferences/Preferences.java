// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.preferences;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.rsmworkbench.core.inspect.DataFormat;

/** Preference keys and the data formats the inspector offers. */
public final class Preferences {
    /** Polls per second of the cluster state (Clusters, Permissions and Topology views). */
    public static final String CLUSTER_REFRESH_RATE = "clusterRefreshRate";
    /** Refreshes per second of an inspector's visible rows. */
    public static final String INSPECTOR_REFRESH_RATE = "inspectorRefreshRate";
    /** RGB of a byte that just changed; older changes fade to the background. */
    public static final String CHANGED_COLOR = "changedByteColor";
    /** How many refreshes a change takes to fade out. */
    public static final String FADE_REFRESHES = "fadeRefreshes";
    /** Key of the default typed-column format, see {@link #formats()}. */
    public static final String DEFAULT_FORMAT = "defaultFormat";
    /** Default bytes per row of a new inspector, or {@link #FIT_BYTES_PER_ROW}. */
    public static final String BYTES_PER_ROW = "bytesPerRow";
    /** {@link #BYTES_PER_ROW} value: as many bytes per row as the inspector's width shows with the typed columns. */
    public static final int FIT_BYTES_PER_ROW = 0;
    /** Whether the views ask before killing a node or taking a link down (their dialog's "Do not ask again" clears it). */
    public static final String CONFIRM_FAULTS = "confirmFaults";

    private Preferences() {
    }

    /** A data format with a stable key and a label. */
    public record Choice(String key, String label, DataFormat format) {
    }

    /** Every format the inspector offers, 8-bit first. */
    public static List<Choice> formats() {
        List<Choice> choices = new ArrayList<>();
        for (int width : new int[] {1, 2, 4, 8}) {
            for (DataFormat.Kind kind : DataFormat.Kind.values()) {
                if (kind == DataFormat.Kind.FLOAT && width < 4) {
                    continue;
                }
                for (ByteOrder order : width == 1 ? new ByteOrder[] {ByteOrder.LITTLE_ENDIAN}
                        : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                    DataFormat format = new DataFormat(width, kind, order);
                    String key = (kind == DataFormat.Kind.FLOAT ? "f" : kind == DataFormat.Kind.SIGNED ? "s" : "u") + 8 * width
                            + (width == 1 ? "" : order == ByteOrder.LITTLE_ENDIAN ? "le" : "be");
                    choices.add(new Choice(key, format.toString(), format));
                }
            }
        }
        return choices;
    }

    /** The choice with that key, or signed 32-bit little endian. */
    public static Choice format(String key) {
        return formats().stream().filter(c -> c.key().equals(key)).findFirst()
                .orElseGet(() -> formats().stream().filter(c -> c.key().equals("s32le")).findFirst().orElseThrow());
    }
}
