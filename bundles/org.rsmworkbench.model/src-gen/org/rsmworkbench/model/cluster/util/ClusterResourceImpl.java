/**
 * Copyright (c) 2026 RSM Workbench contributors
 * SPDX-License-Identifier: EPL-2.0
 */
package org.rsmworkbench.model.cluster.util;

import java.util.Map;

import org.eclipse.emf.common.util.URI;

import org.eclipse.emf.ecore.xmi.XMLLoad;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceImpl;

import org.rsmworkbench.model.internal.SelfContainedXmiLoad;

/**
 * <!-- begin-user-doc -->
 * The <b>Resource </b> associated with the package.
 * <!-- end-user-doc -->
 * @see org.rsmworkbench.model.cluster.util.ClusterResourceFactoryImpl
 * @generated
 */
public class ClusterResourceImpl extends XMIResourceImpl {
	/**
	 * Creates an instance of the resource.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param uri the URI of the new resource.
	 * @generated
	 */
	public ClusterResourceImpl(URI uri) {
		super(uri);
	}

	/**
	 * <!-- begin-user-doc -->
	 * Loads only this file: references to other documents, and namespaces that are not registered packages,
	 * are errors with their line and column (see {@link SelfContainedXmiLoad}).
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	@Override
	protected XMLLoad createXMLLoad() {
		return new SelfContainedXmiLoad(createXMLHelper());
	}

	/**
	 * <!-- begin-user-doc -->
	 * Whatever the options: a cluster file is always read as a self-contained XMI document.
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	@Override
	protected XMLLoad createXMLLoad(Map<?, ?> options) {
		return createXMLLoad();
	}

} //ClusterResourceImpl
