/**
 * Copyright (c) 2026 RSM Workbench contributors
 * SPDX-License-Identifier: EPL-2.0
 */
package org.rsmworkbench.model.cluster;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Switch</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * A switch: every pair of its ports (controllers) on different nodes is linked. The emulator knows only links: converting to a ClusterSpec expands a switch of n ports into n(n-1)/2 links, all up or all down with the switch.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.rsmworkbench.model.cluster.Switch#getName <em>Name</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.Switch#getPorts <em>Ports</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.Switch#isUp <em>Up</em>}</li>
 * </ul>
 *
 * @see org.rsmworkbench.model.cluster.ClusterPackage#getSwitch()
 * @model annotation="http://www.eclipse.org/emf/2002/Ecore constraints='validPorts'"
 * @generated
 */
public interface Switch extends EObject {
	/**
	 * Returns the value of the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Name</em>' attribute.
	 * @see #setName(String)
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getSwitch_Name()
	 * @model required="true"
	 * @generated
	 */
	String getName();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.cluster.Switch#getName <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Name</em>' attribute.
	 * @see #getName()
	 * @generated
	 */
	void setName(String value);

	/**
	 * Returns the value of the '<em><b>Ports</b></em>' reference list.
	 * The list contents are of type {@link org.rsmworkbench.model.cluster.Controller}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Ports</em>' reference list.
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getSwitch_Ports()
	 * @model
	 * @generated
	 */
	EList<Controller> getPorts();

	/**
	 * Returns the value of the '<em><b>Up</b></em>' attribute.
	 * The default value is <code>"true"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Up</em>' attribute.
	 * @see #setUp(boolean)
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getSwitch_Up()
	 * @model default="true"
	 * @generated
	 */
	boolean isUp();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.cluster.Switch#isUp <em>Up</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Up</em>' attribute.
	 * @see #isUp()
	 * @generated
	 */
	void setUp(boolean value);

} // Switch
