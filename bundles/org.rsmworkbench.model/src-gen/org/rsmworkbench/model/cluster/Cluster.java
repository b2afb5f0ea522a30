/**
 * Copyright (c) 2026 RSM Workbench contributors
 * SPDX-License-Identifier: EPL-2.0
 */
package org.rsmworkbench.model.cluster;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Cluster</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * A cluster: the root of a .rsmcluster file.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.rsmworkbench.model.cluster.Cluster#getName <em>Name</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.Cluster#getPageSize <em>Page Size</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.Cluster#getNodes <em>Nodes</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.Cluster#getLinks <em>Links</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.Cluster#getSwitches <em>Switches</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.Cluster#getAclTemplates <em>Acl Templates</em>}</li>
 * </ul>
 *
 * @see org.rsmworkbench.model.cluster.ClusterPackage#getCluster()
 * @model annotation="http://www.eclipse.org/emf/2002/Ecore constraints='validName validPageSize uniqueNodeIds uniqueAclTemplateNames emulatorLinkLimit'"
 * @generated
 */
public interface Cluster extends EObject {
	/**
	 * Returns the value of the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Name</em>' attribute.
	 * @see #setName(String)
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getCluster_Name()
	 * @model required="true"
	 * @generated
	 */
	String getName();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.cluster.Cluster#getName <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Name</em>' attribute.
	 * @see #getName()
	 * @generated
	 */
	void setName(String value);

	/**
	 * Returns the value of the '<em><b>Page Size</b></em>' attribute.
	 * The default value is <code>"4096"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The page size of every node, in bytes: a power of two, at least 4096.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Page Size</em>' attribute.
	 * @see #setPageSize(long)
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getCluster_PageSize()
	 * @model default="4096"
	 * @generated
	 */
	long getPageSize();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.cluster.Cluster#getPageSize <em>Page Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Page Size</em>' attribute.
	 * @see #getPageSize()
	 * @generated
	 */
	void setPageSize(long value);

	/**
	 * Returns the value of the '<em><b>Nodes</b></em>' containment reference list.
	 * The list contents are of type {@link org.rsmworkbench.model.cluster.Node}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Nodes</em>' containment reference list.
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getCluster_Nodes()
	 * @model containment="true"
	 * @generated
	 */
	EList<Node> getNodes();

	/**
	 * Returns the value of the '<em><b>Links</b></em>' containment reference list.
	 * The list contents are of type {@link org.rsmworkbench.model.cluster.Link}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Links</em>' containment reference list.
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getCluster_Links()
	 * @model containment="true"
	 * @generated
	 */
	EList<Link> getLinks();

	/**
	 * Returns the value of the '<em><b>Switches</b></em>' containment reference list.
	 * The list contents are of type {@link org.rsmworkbench.model.cluster.Switch}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Switches</em>' containment reference list.
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getCluster_Switches()
	 * @model containment="true"
	 * @generated
	 */
	EList<Switch> getSwitches();

	/**
	 * Returns the value of the '<em><b>Acl Templates</b></em>' containment reference list.
	 * The list contents are of type {@link org.rsmworkbench.model.cluster.AclTemplate}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Acl Templates</em>' containment reference list.
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getCluster_AclTemplates()
	 * @model containment="true"
	 * @generated
	 */
	EList<AclTemplate> getAclTemplates();

} // Cluster
