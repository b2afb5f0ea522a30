// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.editor.internal;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;

/** The bundle activator: log and images. */
public final class EditorPlugin extends AbstractUIPlugin {
    /** The symbolic name of this bundle. */
    public static final String ID = "org.rsmworkbench.model.editor";

    private static EditorPlugin instance;

    @Override
    public void start(BundleContext context) throws Exception {
        super.start(context);
        instance = this;
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        instance = null;
        super.stop(context);
    }

    /** The running plug-in, or null outside OSGi. */
    public static EditorPlugin getDefault() {
        return instance;
    }

    /** An image of this bundle by path (icons/...). */
    public static ImageDescriptor image(String path) {
        return imageDescriptorFromPlugin(ID, path);
    }

    /** Logs a problem to the error log (nowhere outside OSGi). */
    public static void log(String message, Throwable e) {
        if (instance != null) {
            instance.getLog().log(new Status(IStatus.ERROR, ID, message, e));
        }
    }
}
