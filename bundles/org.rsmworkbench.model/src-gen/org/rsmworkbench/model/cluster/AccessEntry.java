/**
 * Copyright (c) 2026 RSM Workbench contributors
 * SPDX-License-Identifier: EPL-2.0
 */
package org.rsmworkbench.model.cluster;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Access Entry</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * An entry of an ACL (rsmapi_access_entry_t): a node id and the permission it grants, three octal digits.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.rsmworkbench.model.cluster.AccessEntry#getNode <em>Node</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.AccessEntry#getPermission <em>Permission</em>}</li>
 * </ul>
 *
 * @see org.rsmworkbench.model.cluster.ClusterPackage#getAccessEntry()
 * @model annotation="http://www.eclipse.org/emf/2002/Ecore constraints='existingNode validPermission'"
 * @generated
 */
public interface AccessEntry extends EObject {
	/**
	 * Returns the value of the '<em><b>Node</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Node</em>' attribute.
	 * @see #setNode(int)
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getAccessEntry_Node()
	 * @model
	 * @generated
	 */
	int getNode();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.cluster.AccessEntry#getNode <em>Node</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Node</em>' attribute.
	 * @see #getNode()
	 * @generated
	 */
	void setNode(int value);

	/**
	 * Returns the value of the '<em><b>Permission</b></em>' attribute.
	 * The default value is <code>"384"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Permission</em>' attribute.
	 * @see #setPermission(int)
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getAccessEntry_Permission()
	 * @model default="384" dataType="org.rsmworkbench.model.cluster.OctalMode"
	 * @generated
	 */
	int getPermission();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.cluster.AccessEntry#getPermission <em>Permission</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Permission</em>' attribute.
	 * @see #getPermission()
	 * @generated
	 */
	void setPermission(int value);

} // AccessEntry
