/**
 * Copyright (c) 2026 RSM Workbench contributors
 * SPDX-License-Identifier: EPL-2.0
 */
package org.rsmworkbench.model.live;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Cluster</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.rsmworkbench.model.live.LiveCluster#getName <em>Name</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.LiveCluster#getVersion <em>Version</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.LiveCluster#getNodes <em>Nodes</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.LiveCluster#getLinks <em>Links</em>}</li>
 * </ul>
 *
 * @see org.rsmworkbench.model.live.LivePackage#getLiveCluster()
 * @model
 * @generated
 */
public interface LiveCluster extends EObject {
	/**
	 * Returns the value of the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Name</em>' attribute.
	 * @see #setName(String)
	 * @see org.rsmworkbench.model.live.LivePackage#getLiveCluster_Name()
	 * @model
	 * @generated
	 */
	String getName();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.LiveCluster#getName <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Name</em>' attribute.
	 * @see #getName()
	 * @generated
	 */
	void setName(String value);

	/**
	 * Returns the value of the '<em><b>Version</b></em>' attribute.
	 * The default value is <code>"-1"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * ClusterState.version() of the snapshot last applied; -1 before the first.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Version</em>' attribute.
	 * @see #setVersion(long)
	 * @see org.rsmworkbench.model.live.LivePackage#getLiveCluster_Version()
	 * @model default="-1"
	 * @generated
	 */
	long getVersion();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.LiveCluster#getVersion <em>Version</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Version</em>' attribute.
	 * @see #getVersion()
	 * @generated
	 */
	void setVersion(long value);

	/**
	 * Returns the value of the '<em><b>Nodes</b></em>' containment reference list.
	 * The list contents are of type {@link org.rsmworkbench.model.live.LiveNode}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Nodes</em>' containment reference list.
	 * @see org.rsmworkbench.model.live.LivePackage#getLiveCluster_Nodes()
	 * @model containment="true"
	 * @generated
	 */
	EList<LiveNode> getNodes();

	/**
	 * Returns the value of the '<em><b>Links</b></em>' containment reference list.
	 * The list contents are of type {@link org.rsmworkbench.model.live.LiveLink}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Links</em>' containment reference list.
	 * @see org.rsmworkbench.model.live.LivePackage#getLiveCluster_Links()
	 * @model containment="true"
	 * @generated
	 */
	EList<LiveLink> getLinks();

} // LiveCluster
