/**
 * Copyright (c) 2026 RSM Workbench contributors
 * SPDX-License-Identifier: EPL-2.0
 */
package org.rsmworkbench.model.cluster.util;

import java.util.Map;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.common.util.ResourceLocator;

import org.eclipse.emf.ecore.EPackage;

import org.eclipse.emf.ecore.util.EObjectValidator;

import org.rsmworkbench.model.cluster.*;

/**
 * <!-- begin-user-doc -->
 * The <b>Validator</b> for the model.
 * <!-- end-user-doc -->
 * @see org.rsmworkbench.model.cluster.ClusterPackage
 * @generated
 */
public class ClusterValidator extends EObjectValidator {
	/**
	 * The cached model package
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public static final ClusterValidator INSTANCE = new ClusterValidator();

	/**
	 * A constant for the {@link org.eclipse.emf.common.util.Diagnostic#getSource() source} of diagnostic {@link org.eclipse.emf.common.util.Diagnostic#getCode() codes} from this package.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.eclipse.emf.common.util.Diagnostic#getSource()
	 * @see org.eclipse.emf.common.util.Diagnostic#getCode()
	 * @generated
	 */
	public static final String DIAGNOSTIC_SOURCE = "org.rsmworkbench.model.cluster";

	/**
	 * A constant with a fixed name that can be used as the base value for additional hand written constants.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private static final int GENERATED_DIAGNOSTIC_CODE_COUNT = 0;

	/**
	 * A constant with a fixed name that can be used as the base value for additional hand written constants in a derived class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected static final int DIAGNOSTIC_CODE_COUNT = GENERATED_DIAGNOSTIC_CODE_COUNT;

	/**
	 * Creates an instance of the switch.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public ClusterValidator() {
		super();
	}

	/**
	 * Returns the package of this validator switch.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EPackage getEPackage() {
	  return ClusterPackage.eINSTANCE;
	}

	/**
	 * Calls <code>validateXXX</code> for the corresponding classifier of the model.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected boolean validate(int classifierID, Object value, DiagnosticChain diagnostics, Map<Object, Object> context) {
		switch (classifierID) {
			case ClusterPackage.CLUSTER:
				return validateCluster((Cluster)value, diagnostics, context);
			case ClusterPackage.NODE:
				return validateNode((Node)value, diagnostics, context);
			case ClusterPackage.CONTROLLER:
				return validateController((Controller)value, diagnostics, context);
			case ClusterPackage.LINK:
				return validateLink((Link)value, diagnostics, context);
			case ClusterPackage.SWITCH:
				return validateSwitch((Switch)value, diagnostics, context);
			case ClusterPackage.ACL_TEMPLATE:
				return validateAclTemplate((AclTemplate)value, diagnostics, context);
			case ClusterPackage.ACCESS_ENTRY:
				return validateAccessEntry((AccessEntry)value, diagnostics, context);
			case ClusterPackage.CREDENTIALS:
				return validateCredentials((Credentials)value, diagnostics, context);
			case ClusterPackage.OCTAL_MODE:
				return validateOctalMode((Integer)value, diagnostics, context);
			default:
				return true;
		}
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateCluster(Cluster cluster, DiagnosticChain diagnostics, Map<Object, Object> context) {
		if (!validate_NoCircularContainment(cluster, diagnostics, context)) return false;
		boolean result = validate_EveryMultiplicityConforms(cluster, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryDataValueConforms(cluster, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryReferenceIsContained(cluster, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryBidirectionalReferenceIsPaired(cluster, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryProxyResolves(cluster, diagnostics, context);
		if (result || diagnostics != null) result &= validate_UniqueID(cluster, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryKeyUnique(cluster, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryMapEntryUnique(cluster, diagnostics, context);
		if (result || diagnostics != null) result &= validateCluster_validName(cluster, diagnostics, context);
		if (result || diagnostics != null) result &= validateCluster_validPageSize(cluster, diagnostics, context);
		if (result || diagnostics != null) result &= validateCluster_uniqueNodeIds(cluster, diagnostics, context);
		if (result || diagnostics != null) result &= validateCluster_uniqueAclTemplateNames(cluster, diagnostics, context);
		if (result || diagnostics != null) result &= validateCluster_emulatorLinkLimit(cluster, diagnostics, context);
		return result;
	}

	/**
	 * Validates the validName constraint of '<em>Cluster</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	public boolean validateCluster_validName(Cluster cluster, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return org.rsmworkbench.model.internal.ClusterConstraints.clusterValidName(cluster, diagnostics);
	}

	/**
	 * Validates the validPageSize constraint of '<em>Cluster</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	public boolean validateCluster_validPageSize(Cluster cluster, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return org.rsmworkbench.model.internal.ClusterConstraints.clusterValidPageSize(cluster, diagnostics);
	}

	/**
	 * Validates the uniqueNodeIds constraint of '<em>Cluster</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	public boolean validateCluster_uniqueNodeIds(Cluster cluster, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return org.rsmworkbench.model.internal.ClusterConstraints.clusterUniqueNodeIds(cluster, diagnostics);
	}

	/**
	 * Validates the uniqueAclTemplateNames constraint of '<em>Cluster</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	public boolean validateCluster_uniqueAclTemplateNames(Cluster cluster, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return org.rsmworkbench.model.internal.ClusterConstraints.clusterUniqueAclTemplateNames(cluster, diagnostics);
	}

	/**
	 * Validates the emulatorLinkLimit constraint of '<em>Cluster</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	public boolean validateCluster_emulatorLinkLimit(Cluster cluster, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return org.rsmworkbench.model.internal.ClusterConstraints.clusterEmulatorLinkLimit(cluster, diagnostics);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateNode(Node node, DiagnosticChain diagnostics, Map<Object, Object> context) {
		if (!validate_NoCircularContainment(node, diagnostics, context)) return false;
		boolean result = validate_EveryMultiplicityConforms(node, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryDataValueConforms(node, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryReferenceIsContained(node, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryBidirectionalReferenceIsPaired(node, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryProxyResolves(node, diagnostics, context);
		if (result || diagnostics != null) result &= validate_UniqueID(node, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryKeyUnique(node, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryMapEntryUnique(node, diagnostics, context);
		if (result || diagnostics != null) result &= validateNode_idInRange(node, diagnostics, context);
		if (result || diagnostics != null) result &= validateNode_uniqueControllerNames(node, diagnostics, context);
		return result;
	}

	/**
	 * Validates the idInRange constraint of '<em>Node</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	public boolean validateNode_idInRange(Node node, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return org.rsmworkbench.model.internal.ClusterConstraints.nodeIdInRange(node, diagnostics);
	}

	/**
	 * Validates the uniqueControllerNames constraint of '<em>Node</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	public boolean validateNode_uniqueControllerNames(Node node, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return org.rsmworkbench.model.internal.ClusterConstraints.nodeUniqueControllerNames(node, diagnostics);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateController(Controller controller, DiagnosticChain diagnostics, Map<Object, Object> context) {
		if (!validate_NoCircularContainment(controller, diagnostics, context)) return false;
		boolean result = validate_EveryMultiplicityConforms(controller, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryDataValueConforms(controller, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryReferenceIsContained(controller, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryBidirectionalReferenceIsPaired(controller, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryProxyResolves(controller, diagnostics, context);
		if (result || diagnostics != null) result &= validate_UniqueID(controller, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryKeyUnique(controller, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryMapEntryUnique(controller, diagnostics, context);
		if (result || diagnostics != null) result &= validateController_wellFormedName(controller, diagnostics, context);
		return result;
	}

	/**
	 * Validates the wellFormedName constraint of '<em>Controller</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	public boolean validateController_wellFormedName(Controller controller, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return org.rsmworkbench.model.internal.ClusterConstraints.controllerWellFormedName(controller, diagnostics);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateLink(Link link, DiagnosticChain diagnostics, Map<Object, Object> context) {
		if (!validate_NoCircularContainment(link, diagnostics, context)) return false;
		boolean result = validate_EveryMultiplicityConforms(link, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryDataValueConforms(link, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryReferenceIsContained(link, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryBidirectionalReferenceIsPaired(link, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryProxyResolves(link, diagnostics, context);
		if (result || diagnostics != null) result &= validate_UniqueID(link, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryKeyUnique(link, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryMapEntryUnique(link, diagnostics, context);
		if (result || diagnostics != null) result &= validateLink_validEnds(link, diagnostics, context);
		return result;
	}

	/**
	 * Validates the validEnds constraint of '<em>Link</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	public boolean validateLink_validEnds(Link link, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return org.rsmworkbench.model.internal.ClusterConstraints.linkValidEnds(link, diagnostics);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateSwitch(Switch switch_, DiagnosticChain diagnostics, Map<Object, Object> context) {
		if (!validate_NoCircularContainment(switch_, diagnostics, context)) return false;
		boolean result = validate_EveryMultiplicityConforms(switch_, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryDataValueConforms(switch_, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryReferenceIsContained(switch_, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryBidirectionalReferenceIsPaired(switch_, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryProxyResolves(switch_, diagnostics, context);
		if (result || diagnostics != null) result &= validate_UniqueID(switch_, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryKeyUnique(switch_, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryMapEntryUnique(switch_, diagnostics, context);
		if (result || diagnostics != null) result &= validateSwitch_validPorts(switch_, diagnostics, context);
		return result;
	}

	/**
	 * Validates the validPorts constraint of '<em>Switch</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	public boolean validateSwitch_validPorts(Switch switch_, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return org.rsmworkbench.model.internal.ClusterConstraints.switchValidPorts(switch_, diagnostics);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateAclTemplate(AclTemplate aclTemplate, DiagnosticChain diagnostics, Map<Object, Object> context) {
		if (!validate_NoCircularContainment(aclTemplate, diagnostics, context)) return false;
		boolean result = validate_EveryMultiplicityConforms(aclTemplate, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryDataValueConforms(aclTemplate, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryReferenceIsContained(aclTemplate, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryBidirectionalReferenceIsPaired(aclTemplate, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryProxyResolves(aclTemplate, diagnostics, context);
		if (result || diagnostics != null) result &= validate_UniqueID(aclTemplate, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryKeyUnique(aclTemplate, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryMapEntryUnique(aclTemplate, diagnostics, context);
		if (result || diagnostics != null) result &= validateAclTemplate_validName(aclTemplate, diagnostics, context);
		if (result || diagnostics != null) result &= validateAclTemplate_atMost64Entries(aclTemplate, diagnostics, context);
		return result;
	}

	/**
	 * Validates the validName constraint of '<em>Acl Template</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	public boolean validateAclTemplate_validName(AclTemplate aclTemplate, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return org.rsmworkbench.model.internal.ClusterConstraints.aclTemplateValidName(aclTemplate, diagnostics);
	}

	/**
	 * Validates the atMost64Entries constraint of '<em>Acl Template</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	public boolean validateAclTemplate_atMost64Entries(AclTemplate aclTemplate, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return org.rsmworkbench.model.internal.ClusterConstraints.aclTemplateAtMost64Entries(aclTemplate, diagnostics);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateAccessEntry(AccessEntry accessEntry, DiagnosticChain diagnostics, Map<Object, Object> context) {
		if (!validate_NoCircularContainment(accessEntry, diagnostics, context)) return false;
		boolean result = validate_EveryMultiplicityConforms(accessEntry, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryDataValueConforms(accessEntry, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryReferenceIsContained(accessEntry, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryBidirectionalReferenceIsPaired(accessEntry, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryProxyResolves(accessEntry, diagnostics, context);
		if (result || diagnostics != null) result &= validate_UniqueID(accessEntry, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryKeyUnique(accessEntry, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryMapEntryUnique(accessEntry, diagnostics, context);
		if (result || diagnostics != null) result &= validateAccessEntry_existingNode(accessEntry, diagnostics, context);
		if (result || diagnostics != null) result &= validateAccessEntry_validPermission(accessEntry, diagnostics, context);
		return result;
	}

	/**
	 * Validates the existingNode constraint of '<em>Access Entry</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	public boolean validateAccessEntry_existingNode(AccessEntry accessEntry, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return org.rsmworkbench.model.internal.ClusterConstraints.accessEntryExistingNode(accessEntry, diagnostics, context);
	}

	/**
	 * Validates the validPermission constraint of '<em>Access Entry</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	public boolean validateAccessEntry_validPermission(AccessEntry accessEntry, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return org.rsmworkbench.model.internal.ClusterConstraints.accessEntryValidPermission(accessEntry, diagnostics);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateCredentials(Credentials credentials, DiagnosticChain diagnostics, Map<Object, Object> context) {
		if (!validate_NoCircularContainment(credentials, diagnostics, context)) return false;
		boolean result = validate_EveryMultiplicityConforms(credentials, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryDataValueConforms(credentials, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryReferenceIsContained(credentials, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryBidirectionalReferenceIsPaired(credentials, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryProxyResolves(credentials, diagnostics, context);
		if (result || diagnostics != null) result &= validate_UniqueID(credentials, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryKeyUnique(credentials, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryMapEntryUnique(credentials, diagnostics, context);
		if (result || diagnostics != null) result &= validateCredentials_validIds(credentials, diagnostics, context);
		if (result || diagnostics != null) result &= validateCredentials_validUmask(credentials, diagnostics, context);
		return result;
	}

	/**
	 * Validates the validIds constraint of '<em>Credentials</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	public boolean validateCredentials_validIds(Credentials credentials, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return org.rsmworkbench.model.internal.ClusterConstraints.credentialsValidIds(credentials, diagnostics);
	}

	/**
	 * Validates the validUmask constraint of '<em>Credentials</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	public boolean validateCredentials_validUmask(Credentials credentials, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return org.rsmworkbench.model.internal.ClusterConstraints.credentialsValidUmask(credentials, diagnostics);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateOctalMode(int octalMode, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return true;
	}

	/**
	 * Returns the resource locator that will be used to fetch messages for this validator's diagnostics.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public ResourceLocator getResourceLocator() {
		// TODO
		// Specialize this to return a resource locator for messages specific to this validator.
		// Ensure that you remove @generated or mark it @generated NOT
		return super.getResourceLocator();
	}

} //ClusterValidator
