/**
 * Copyright (c) 2026 RSM Workbench contributors
 * SPDX-License-Identifier: EPL-2.0
 */
package org.rsmworkbench.model.cluster;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Link</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * An undirected link between controllers of two different nodes; up says whether it is up when the cluster starts.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.rsmworkbench.model.cluster.Link#getControllerA <em>Controller A</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.Link#getControllerB <em>Controller B</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.Link#isUp <em>Up</em>}</li>
 * </ul>
 *
 * @see org.rsmworkbench.model.cluster.ClusterPackage#getLink()
 * @model annotation="http://www.eclipse.org/emf/2002/Ecore constraints='validEnds'"
 * @generated
 */
public interface Link extends EObject {
	/**
	 * Returns the value of the '<em><b>Controller A</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Controller A</em>' reference.
	 * @see #setControllerA(Controller)
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getLink_ControllerA()
	 * @model required="true"
	 * @generated
	 */
	Controller getControllerA();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.cluster.Link#getControllerA <em>Controller A</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Controller A</em>' reference.
	 * @see #getControllerA()
	 * @generated
	 */
	void setControllerA(Controller value);

	/**
	 * Returns the value of the '<em><b>Controller B</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Controller B</em>' reference.
	 * @see #setControllerB(Controller)
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getLink_ControllerB()
	 * @model required="true"
	 * @generated
	 */
	Controller getControllerB();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.cluster.Link#getControllerB <em>Controller B</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Controller B</em>' reference.
	 * @see #getControllerB()
	 * @generated
	 */
	void setControllerB(Controller value);

	/**
	 * Returns the value of the '<em><b>Up</b></em>' attribute.
	 * The default value is <code>"true"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Up</em>' attribute.
	 * @see #setUp(boolean)
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getLink_Up()
	 * @model default="true"
	 * @generated
	 */
	boolean isUp();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.cluster.Link#isUp <em>Up</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Up</em>' attribute.
	 * @see #isUp()
	 * @generated
	 */
	void setUp(boolean value);

} // Link
