// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.plugin.AbstractUIPlugin;

/** The bundle's images (the caller disposes what it creates). */
final class Images {
    private Images() {
    }

    static final String PLUGIN_ID = "org.rsmworkbench.ui.launching";

    static ImageDescriptor descriptor(String path) {
        ImageDescriptor descriptor = AbstractUIPlugin.imageDescriptorFromPlugin(PLUGIN_ID, path);
        return descriptor != null ? descriptor : ImageDescriptor.getMissingImageDescriptor();
    }

    static Image cluster() {
        return descriptor("icons/rsm_cluster.png").createImage();
    }
}
