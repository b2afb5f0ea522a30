// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.editor.internal;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.edit.provider.ComposedImage;
import org.eclipse.emf.edit.provider.IItemLabelProvider;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.viewers.DecorationOverlayIcon;
import org.eclipse.jface.viewers.IDecoration;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

/**
 * A JFace label provider over emf.edit {@link IItemLabelProvider}s: images from the item providers (their
 * URLs, or the base image of a composed one), text from {@link ClusterLabels} for cluster objects and
 * from the item provider otherwise; an object with a validation error has an error overlay and its first error after
 * its text.
 */
public class ItemLabelProvider extends LabelProvider {
    private final AdapterFactory adapterFactory;
    private final LocalResourceManager images = new LocalResourceManager(JFaceResources.getResources());
    /** The first validation error of each object that has one. */
    private Map<?, String> errors = Map.of();

    public ItemLabelProvider(AdapterFactory adapterFactory) {
        this.adapterFactory = adapterFactory;
    }

    /** Marks these objects with their error from now on (the viewer must refresh its labels). */
    public void setErrors(Map<?, String> firstErrorOfEachObject) {
        errors = Map.copyOf(firstErrorOfEachObject);
    }

    @Override
    public String getText(Object element) {
        String error = errors.get(element);
        return error == null ? plainText(element) : plainText(element) + " \u2013 error: " + error;
    }

    private String plainText(Object element) {
        String text = ClusterLabels.text(element);
        if (text != null) {
            return text;
        }
        IItemLabelProvider provider = provider(element);
        return provider != null ? provider.getText(element) : String.valueOf(element);
    }

    @Override
    public Image getImage(Object element) {
        IItemLabelProvider provider = provider(element);
        if (provider == null) {
            return null;
        }
        ImageDescriptor descriptor = descriptor(provider.getImage(element));
        if (descriptor != null && errors.containsKey(element)) {
            descriptor = new DecorationOverlayIcon(descriptor, PlatformUI.getWorkbench().getSharedImages()
                    .getImageDescriptor(ISharedImages.IMG_DEC_FIELD_ERROR), IDecoration.BOTTOM_LEFT);
        }
        return descriptor == null ? null : images.create(descriptor);
    }

    /** An image descriptor for what an item provider returns as image: a URL, a composed image, a descriptor. */
    public static ImageDescriptor descriptor(Object image) {
        if (image instanceof ImageDescriptor d) {
            return d;
        }
        if (image instanceof URL url) {
            return ImageDescriptor.createFromURL(url);
        }
        if (image instanceof ComposedImage composed) {
            List<Object> parts = composed.getImages();
            return parts.isEmpty() ? null : descriptor(parts.get(0));
        }
        return null;
    }

    @Override
    public void dispose() {
        images.dispose();
        super.dispose();
    }

    private IItemLabelProvider provider(Object object) {
        Object adapter = adapterFactory.adapt(object, IItemLabelProvider.class);
        return adapter instanceof IItemLabelProvider p ? p : null;
    }
}
