// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.editor.internal;

import java.util.Collection;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.edit.provider.IChangeNotifier;
import org.eclipse.emf.edit.provider.INotifyChangedListener;
import org.eclipse.emf.edit.provider.ITreeItemContentProvider;
import org.eclipse.emf.edit.provider.IViewerNotification;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * A JFace tree content provider over emf.edit {@link ITreeItemContentProvider}s (what EMF Edit UI's
 * AdapterFactoryContentProvider does): children and parents come from the item providers of the adapter
 * factory, and the viewer is refreshed or updated as the item providers' {@link IViewerNotification}s say.
 * The input may be a {@link Resource} (its contents are the roots) or a model object.
 */
public class ItemContentProvider implements ITreeContentProvider, INotifyChangedListener {
    private final AdapterFactory adapterFactory;
    private StructuredViewer viewer;

    public ItemContentProvider(AdapterFactory adapterFactory) {
        this.adapterFactory = adapterFactory;
        if (adapterFactory instanceof IChangeNotifier notifier) {
            notifier.addListener(this);
        }
    }

    @Override
    public Object[] getElements(Object input) {
        if (input instanceof Resource resource) {
            return resource.getContents().toArray();
        }
        if (input instanceof Object[] array) {
            return array;
        }
        return getChildren(input);
    }

    @Override
    public Object[] getChildren(Object parent) {
        ITreeItemContentProvider provider = provider(parent);
        if (provider == null) {
            return new Object[0];
        }
        Collection<?> children = provider.getChildren(parent);
        return children.toArray();
    }

    @Override
    public Object getParent(Object element) {
        ITreeItemContentProvider provider = provider(element);
        return provider == null ? null : provider.getParent(element);
    }

    @Override
    public boolean hasChildren(Object element) {
        ITreeItemContentProvider provider = provider(element);
        return provider != null && provider.hasChildren(element);
    }

    @Override
    public void inputChanged(Viewer viewer, Object oldInput, Object newInput) {
        this.viewer = viewer instanceof StructuredViewer s ? s : null;
    }

    @Override
    public void dispose() {
        if (adapterFactory instanceof IChangeNotifier notifier) {
            notifier.removeListener(this);
        }
        viewer = null;
    }

    @Override
    public void notifyChanged(Notification notification) {
        StructuredViewer v = viewer;
        if (v == null || v.getControl() == null || v.getControl().isDisposed()) {
            return;
        }
        Runnable update = () -> apply(v, notification);
        if (Display.getCurrent() == v.getControl().getDisplay()) {
            update.run();
        } else {
            v.getControl().getDisplay().asyncExec(update);
        }
    }

    private static void apply(StructuredViewer viewer, Notification notification) {
        Control control = viewer.getControl();
        if (control == null || control.isDisposed()) {
            return;
        }
        if (notification instanceof IViewerNotification vn) {
            Object element = vn.getElement();
            if (vn.isContentRefresh()) {
                if (element == null) {
                    viewer.refresh(vn.isLabelUpdate());
                } else {
                    viewer.refresh(element, vn.isLabelUpdate());
                }
            } else if (vn.isLabelUpdate() && element != null) {
                viewer.update(element, null);
                if (element instanceof org.rsmworkbench.model.cluster.Node
                        || element instanceof org.rsmworkbench.model.cluster.Controller) {
                    // links name the nodes and controllers they join
                    viewer.refresh(true);
                }
            }
        } else {
            viewer.refresh();
        }
    }

    private ITreeItemContentProvider provider(Object object) {
        Object adapter = adapterFactory.adapt(object, ITreeItemContentProvider.class);
        return adapter instanceof ITreeItemContentProvider p ? p : null;
    }
}
