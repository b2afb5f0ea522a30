/**
 * Copyright (c) 2026 RSM Workbench contributors
 * SPDX-License-Identifier: EPL-2.0
 */
package org.rsmworkbench.model.cluster;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Node</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * A node (a host) of the cluster. Every node also has the implied "loopback" controller, which is not listed.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.rsmworkbench.model.cluster.Node#getId <em>Id</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.Node#getHostname <em>Hostname</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.Node#getControllers <em>Controllers</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.Node#getDefaultCredentials <em>Default Credentials</em>}</li>
 * </ul>
 *
 * @see org.rsmworkbench.model.cluster.ClusterPackage#getNode()
 * @model annotation="http://www.eclipse.org/emf/2002/Ecore constraints='idInRange uniqueControllerNames'"
 * @generated
 */
public interface Node extends EObject {
	/**
	 * Returns the value of the '<em><b>Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The RSM node id; the emulator runs ids 0..63.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Id</em>' attribute.
	 * @see #setId(int)
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getNode_Id()
	 * @model
	 * @generated
	 */
	int getId();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.cluster.Node#getId <em>Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Id</em>' attribute.
	 * @see #getId()
	 * @generated
	 */
	void setId(int value);

	/**
	 * Returns the value of the '<em><b>Hostname</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Hostname</em>' attribute.
	 * @see #setHostname(String)
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getNode_Hostname()
	 * @model required="true"
	 * @generated
	 */
	String getHostname();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.cluster.Node#getHostname <em>Hostname</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Hostname</em>' attribute.
	 * @see #getHostname()
	 * @generated
	 */
	void setHostname(String value);

	/**
	 * Returns the value of the '<em><b>Controllers</b></em>' containment reference list.
	 * The list contents are of type {@link org.rsmworkbench.model.cluster.Controller}.
	 * It is bidirectional and its opposite is '{@link org.rsmworkbench.model.cluster.Controller#getNode <em>Node</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Controllers</em>' containment reference list.
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getNode_Controllers()
	 * @see org.rsmworkbench.model.cluster.Controller#getNode
	 * @model opposite="node" containment="true"
	 * @generated
	 */
	EList<Controller> getControllers();

	/**
	 * Returns the value of the '<em><b>Default Credentials</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The credentials that a program launched on this node runs with unless its launch says otherwise.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Default Credentials</em>' containment reference.
	 * @see #setDefaultCredentials(Credentials)
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getNode_DefaultCredentials()
	 * @model containment="true"
	 * @generated
	 */
	Credentials getDefaultCredentials();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.cluster.Node#getDefaultCredentials <em>Default Credentials</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Default Credentials</em>' containment reference.
	 * @see #getDefaultCredentials()
	 * @generated
	 */
	void setDefaultCredentials(Credentials value);

} // Node
