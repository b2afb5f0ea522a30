/**
 * Copyright (c) 2026 RSM Workbench contributors
 * SPDX-License-Identifier: EPL-2.0
 */
package org.rsmworkbench.model.live;

import org.eclipse.emf.ecore.EObject;

import org.rsmworkbench.model.cluster.Credentials;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Process</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.rsmworkbench.model.live.LiveProcess#getSerial <em>Serial</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.LiveProcess#getPid <em>Pid</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.LiveProcess#getCredentials <em>Credentials</em>}</li>
 * </ul>
 *
 * @see org.rsmworkbench.model.live.LivePackage#getLiveProcess()
 * @model
 * @generated
 */
public interface LiveProcess extends EObject {
	/**
	 * Returns the value of the '<em><b>Serial</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Serial</em>' attribute.
	 * @see #setSerial(int)
	 * @see org.rsmworkbench.model.live.LivePackage#getLiveProcess_Serial()
	 * @model
	 * @generated
	 */
	int getSerial();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.LiveProcess#getSerial <em>Serial</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Serial</em>' attribute.
	 * @see #getSerial()
	 * @generated
	 */
	void setSerial(int value);

	/**
	 * Returns the value of the '<em><b>Pid</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Pid</em>' attribute.
	 * @see #setPid(long)
	 * @see org.rsmworkbench.model.live.LivePackage#getLiveProcess_Pid()
	 * @model
	 * @generated
	 */
	long getPid();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.LiveProcess#getPid <em>Pid</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Pid</em>' attribute.
	 * @see #getPid()
	 * @generated
	 */
	void setPid(long value);

	/**
	 * Returns the value of the '<em><b>Credentials</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Credentials</em>' containment reference.
	 * @see #setCredentials(Credentials)
	 * @see org.rsmworkbench.model.live.LivePackage#getLiveProcess_Credentials()
	 * @model containment="true"
	 * @generated
	 */
	Credentials getCredentials();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.LiveProcess#getCredentials <em>Credentials</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Credentials</em>' containment reference.
	 * @see #getCredentials()
	 * @generated
	 */
	void setCredentials(Credentials value);

} // LiveProcess
