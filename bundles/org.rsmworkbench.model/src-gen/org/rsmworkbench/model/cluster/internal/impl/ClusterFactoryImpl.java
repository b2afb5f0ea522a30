/**
 * Copyright (c) 2026 RSM Workbench contributors
 * SPDX-License-Identifier: EPL-2.0
 */
package org.rsmworkbench.model.cluster.internal.impl;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;

import org.eclipse.emf.ecore.impl.EFactoryImpl;

import org.eclipse.emf.ecore.plugin.EcorePlugin;

import org.rsmworkbench.model.cluster.*;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model <b>Factory</b>.
 * <!-- end-user-doc -->
 * @generated
 */
public class ClusterFactoryImpl extends EFactoryImpl implements ClusterFactory {
	/**
	 * Creates the default factory implementation.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public static ClusterFactory init() {
		try {
			ClusterFactory theClusterFactory = (ClusterFactory)EPackage.Registry.INSTANCE.getEFactory(ClusterPackage.eNS_URI);
			if (theClusterFactory != null) {
				return theClusterFactory;
			}
		}
		catch (Exception exception) {
			EcorePlugin.INSTANCE.log(exception);
		}
		return new ClusterFactoryImpl();
	}

	/**
	 * Creates an instance of the factory.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public ClusterFactoryImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EObject create(EClass eClass) {
		switch (eClass.getClassifierID()) {
			case ClusterPackage.CLUSTER: return createCluster();
			case ClusterPackage.NODE: return createNode();
			case ClusterPackage.CONTROLLER: return createController();
			case ClusterPackage.LINK: return createLink();
			case ClusterPackage.SWITCH: return createSwitch();
			case ClusterPackage.ACL_TEMPLATE: return createAclTemplate();
			case ClusterPackage.ACCESS_ENTRY: return createAccessEntry();
			case ClusterPackage.CREDENTIALS: return createCredentials();
			default:
				throw new IllegalArgumentException("The class '" + eClass.getName() + "' is not a valid classifier");
		}
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object createFromString(EDataType eDataType, String initialValue) {
		switch (eDataType.getClassifierID()) {
			case ClusterPackage.OCTAL_MODE:
				return createOctalModeFromString(eDataType, initialValue);
			default:
				throw new IllegalArgumentException("The datatype '" + eDataType.getName() + "' is not a valid classifier");
		}
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String convertToString(EDataType eDataType, Object instanceValue) {
		switch (eDataType.getClassifierID()) {
			case ClusterPackage.OCTAL_MODE:
				return convertOctalModeToString(eDataType, instanceValue);
			default:
				throw new IllegalArgumentException("The datatype '" + eDataType.getName() + "' is not a valid classifier");
		}
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Cluster createCluster() {
		ClusterImpl cluster = new ClusterImpl();
		return cluster;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Node createNode() {
		NodeImpl node = new NodeImpl();
		return node;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Controller createController() {
		ControllerImpl controller = new ControllerImpl();
		return controller;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Link createLink() {
		LinkImpl link = new LinkImpl();
		return link;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Switch createSwitch() {
		SwitchImpl switch_ = new SwitchImpl();
		return switch_;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public AclTemplate createAclTemplate() {
		AclTemplateImpl aclTemplate = new AclTemplateImpl();
		return aclTemplate;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public AccessEntry createAccessEntry() {
		AccessEntryImpl accessEntry = new AccessEntryImpl();
		return accessEntry;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Credentials createCredentials() {
		CredentialsImpl credentials = new CredentialsImpl();
		return credentials;
	}

	/**
	 * <!-- begin-user-doc -->
	 * Reads an octal mode as a C literal: {@code 0640} is octal, {@code 420} decimal.
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	public Integer createOctalModeFromString(EDataType eDataType, String initialValue) {
		return initialValue == null ? null : org.rsmworkbench.model.internal.Octal.parse(initialValue);
	}

	/**
	 * <!-- begin-user-doc -->
	 * Writes an octal mode in octal with a leading 0: {@code 0640}.
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	public String convertOctalModeToString(EDataType eDataType, Object instanceValue) {
		return instanceValue == null ? null : org.rsmworkbench.model.internal.Octal.format((Integer)instanceValue);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public ClusterPackage getClusterPackage() {
		return (ClusterPackage)getEPackage();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @deprecated
	 * @generated
	 */
	@Deprecated
	public static ClusterPackage getPackage() {
		return ClusterPackage.eINSTANCE;
	}

} //ClusterFactoryImpl
