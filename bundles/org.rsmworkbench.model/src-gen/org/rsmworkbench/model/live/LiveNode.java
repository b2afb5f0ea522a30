/**
 * Copyright (c) 2026 RSM Workbench contributors
 * SPDX-License-Identifier: EPL-2.0
 */
package org.rsmworkbench.model.live;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Node</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.rsmworkbench.model.live.LiveNode#getId <em>Id</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.LiveNode#getHostname <em>Hostname</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.LiveNode#isUp <em>Up</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.LiveNode#getProcesses <em>Processes</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.LiveNode#getSegments <em>Segments</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.LiveNode#getConnections <em>Connections</em>}</li>
 * </ul>
 *
 * @see org.rsmworkbench.model.live.LivePackage#getLiveNode()
 * @model
 * @generated
 */
public interface LiveNode extends EObject {
	/**
	 * Returns the value of the '<em><b>Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Id</em>' attribute.
	 * @see #setId(int)
	 * @see org.rsmworkbench.model.live.LivePackage#getLiveNode_Id()
	 * @model
	 * @generated
	 */
	int getId();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.LiveNode#getId <em>Id</em>}' attribute.
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
	 * @see org.rsmworkbench.model.live.LivePackage#getLiveNode_Hostname()
	 * @model
	 * @generated
	 */
	String getHostname();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.LiveNode#getHostname <em>Hostname</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Hostname</em>' attribute.
	 * @see #getHostname()
	 * @generated
	 */
	void setHostname(String value);

	/**
	 * Returns the value of the '<em><b>Up</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Up</em>' attribute.
	 * @see #setUp(boolean)
	 * @see org.rsmworkbench.model.live.LivePackage#getLiveNode_Up()
	 * @model
	 * @generated
	 */
	boolean isUp();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.LiveNode#isUp <em>Up</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Up</em>' attribute.
	 * @see #isUp()
	 * @generated
	 */
	void setUp(boolean value);

	/**
	 * Returns the value of the '<em><b>Processes</b></em>' containment reference list.
	 * The list contents are of type {@link org.rsmworkbench.model.live.LiveProcess}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Processes</em>' containment reference list.
	 * @see org.rsmworkbench.model.live.LivePackage#getLiveNode_Processes()
	 * @model containment="true"
	 * @generated
	 */
	EList<LiveProcess> getProcesses();

	/**
	 * Returns the value of the '<em><b>Segments</b></em>' containment reference list.
	 * The list contents are of type {@link org.rsmworkbench.model.live.Segment}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The export segments of this node (bound or published).
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Segments</em>' containment reference list.
	 * @see org.rsmworkbench.model.live.LivePackage#getLiveNode_Segments()
	 * @model containment="true"
	 * @generated
	 */
	EList<Segment> getSegments();

	/**
	 * Returns the value of the '<em><b>Connections</b></em>' containment reference list.
	 * The list contents are of type {@link org.rsmworkbench.model.live.Connection}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The import connections made by processes of this node.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Connections</em>' containment reference list.
	 * @see org.rsmworkbench.model.live.LivePackage#getLiveNode_Connections()
	 * @model containment="true"
	 * @generated
	 */
	EList<Connection> getConnections();

} // LiveNode
