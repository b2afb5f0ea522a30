// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.internal;

import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.common.util.WrappedException;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.xmi.PackageNotFoundException;
import org.eclipse.emf.ecore.xmi.XMIException;
import org.eclipse.emf.ecore.xmi.XMLHelper;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.SAXXMIHandler;
import org.eclipse.emf.ecore.xmi.impl.XMILoadImpl;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Loads a {@code .rsmcluster} file as a document that stands alone: EMF would otherwise follow what the file
 * names, later or at once: an {@code href} (or a reference attribute with a {@code #}) to another document
 * becomes a proxy that validation and the editor resolve by opening that document, and a namespace that is
 * not a registered package is opened as a document in search of one. Both are refused here, as errors with
 * the line and column of the element. Loading stops at the first error (the one reported): a file of a
 * million wrong elements must not make a million exceptions.
 */
public final class SelfContainedXmiLoad extends XMILoadImpl {

    public SelfContainedXmiLoad(XMLHelper helper) {
        super(helper);
    }

    @Override
    protected DefaultHandler makeDefaultHandler() {
        return new Handler(resource, helper, options);
    }

    /** What ends a load at its first error; {@code ClusterFiles} reports the error it carries. */
    private static final class Handler extends SAXXMIHandler {
        Handler(XMLResource resource, XMLHelper helper, Map<?, ?> options) {
            super(resource, helper, options);
        }

        @Override
        protected void handleProxy(InternalEObject proxy, String uriLiteral) {
            super.handleProxy(proxy, uriLiteral);
            URI document = proxy.eProxyURI().trimFragment();
            if (!document.isEmpty() && !document.equals(resourceURI)) {
                // should a caller ignore the error, resolving the proxy still finds nothing outside this file
                proxy.eSetProxyURI(resourceURI == null ? URI.createURI("#refused") : resourceURI.appendFragment("refused"));
                error(new XMIException("the reference to \"" + uriLiteral + "\" names another document: a cluster"
                        + " file may refer only to what it holds itself", getLocation(), getLineNumber(), getColumnNumber()));
            }
        }

        /** Only packages already registered: never a document opened in search of one. */
        @Override
        protected EPackage getPackageForURI(String uriString) {
            if (uriString == null) {
                return null;
            }
            EPackage registered = extendedMetaData == null ? packageRegistry.getEPackage(uriString)
                    : extendedMetaData.getPackage(uriString);
            if (registered == null) {
                error(new PackageNotFoundException(uriString, getLocation(), getLineNumber(), getColumnNumber()));
            }
            return registered;
        }

        @Override
        public void error(XMIException exception) {
            super.error(exception);
            throw new WrappedException(exception);
        }
    }
}
