/**
 * Copyright (c) 2026 RSM Workbench contributors
 * SPDX-License-Identifier: EPL-2.0
 */
package org.rsmworkbench.model.live;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Link</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.rsmworkbench.model.live.LiveLink#getNodeA <em>Node A</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.LiveLink#getControllerA <em>Controller A</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.LiveLink#getNodeB <em>Node B</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.LiveLink#getControllerB <em>Controller B</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.LiveLink#isUp <em>Up</em>}</li>
 * </ul>
 *
 * @see org.rsmworkbench.model.live.LivePackage#getLiveLink()
 * @model
 * @generated
 */
public interface LiveLink extends EObject {
	/**
	 * Returns the value of the '<em><b>Node A</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Node A</em>' attribute.
	 * @see #setNodeA(int)
	 * @see org.rsmworkbench.model.live.LivePackage#getLiveLink_NodeA()
	 * @model
	 * @generated
	 */
	int getNodeA();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.LiveLink#getNodeA <em>Node A</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Node A</em>' attribute.
	 * @see #getNodeA()
	 * @generated
	 */
	void setNodeA(int value);

	/**
	 * Returns the value of the '<em><b>Controller A</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Controller A</em>' attribute.
	 * @see #setControllerA(String)
	 * @see org.rsmworkbench.model.live.LivePackage#getLiveLink_ControllerA()
	 * @model
	 * @generated
	 */
	String getControllerA();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.LiveLink#getControllerA <em>Controller A</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Controller A</em>' attribute.
	 * @see #getControllerA()
	 * @generated
	 */
	void setControllerA(String value);

	/**
	 * Returns the value of the '<em><b>Node B</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Node B</em>' attribute.
	 * @see #setNodeB(int)
	 * @see org.rsmworkbench.model.live.LivePackage#getLiveLink_NodeB()
	 * @model
	 * @generated
	 */
	int getNodeB();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.LiveLink#getNodeB <em>Node B</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Node B</em>' attribute.
	 * @see #getNodeB()
	 * @generated
	 */
	void setNodeB(int value);

	/**
	 * Returns the value of the '<em><b>Controller B</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Controller B</em>' attribute.
	 * @see #setControllerB(String)
	 * @see org.rsmworkbench.model.live.LivePackage#getLiveLink_ControllerB()
	 * @model
	 * @generated
	 */
	String getControllerB();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.LiveLink#getControllerB <em>Controller B</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Controller B</em>' attribute.
	 * @see #getControllerB()
	 * @generated
	 */
	void setControllerB(String value);

	/**
	 * Returns the value of the '<em><b>Up</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Up</em>' attribute.
	 * @see #setUp(boolean)
	 * @see org.rsmworkbench.model.live.LivePackage#getLiveLink_Up()
	 * @model
	 * @generated
	 */
	boolean isUp();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.LiveLink#isUp <em>Up</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Up</em>' attribute.
	 * @see #isUp()
	 * @generated
	 */
	void setUp(boolean value);

} // LiveLink
