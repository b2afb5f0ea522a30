/**
 * Copyright (c) 2026 RSM Workbench contributors
 * SPDX-License-Identifier: EPL-2.0
 */
package org.rsmworkbench.model.cluster;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Credentials</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * The identity of an emulated process (rsmapi Credentials): uid, gid, supplementary groups, umask, privileged.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.rsmworkbench.model.cluster.Credentials#getUid <em>Uid</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.Credentials#getGid <em>Gid</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.Credentials#getGroups <em>Groups</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.Credentials#getUmask <em>Umask</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.Credentials#isPrivileged <em>Privileged</em>}</li>
 * </ul>
 *
 * @see org.rsmworkbench.model.cluster.ClusterPackage#getCredentials()
 * @model annotation="http://www.eclipse.org/emf/2002/Ecore constraints='validIds validUmask'"
 * @generated
 */
public interface Credentials extends EObject {
	/**
	 * Returns the value of the '<em><b>Uid</b></em>' attribute.
	 * The default value is <code>"1000"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Uid</em>' attribute.
	 * @see #setUid(int)
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getCredentials_Uid()
	 * @model default="1000"
	 * @generated
	 */
	int getUid();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.cluster.Credentials#getUid <em>Uid</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Uid</em>' attribute.
	 * @see #getUid()
	 * @generated
	 */
	void setUid(int value);

	/**
	 * Returns the value of the '<em><b>Gid</b></em>' attribute.
	 * The default value is <code>"1000"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Gid</em>' attribute.
	 * @see #setGid(int)
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getCredentials_Gid()
	 * @model default="1000"
	 * @generated
	 */
	int getGid();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.cluster.Credentials#getGid <em>Gid</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Gid</em>' attribute.
	 * @see #getGid()
	 * @generated
	 */
	void setGid(int value);

	/**
	 * Returns the value of the '<em><b>Groups</b></em>' attribute list.
	 * The list contents are of type {@link java.lang.Integer}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Groups</em>' attribute list.
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getCredentials_Groups()
	 * @model
	 * @generated
	 */
	EList<Integer> getGroups();

	/**
	 * Returns the value of the '<em><b>Umask</b></em>' attribute.
	 * The default value is <code>"18"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Umask</em>' attribute.
	 * @see #setUmask(int)
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getCredentials_Umask()
	 * @model default="18" dataType="org.rsmworkbench.model.cluster.OctalMode"
	 * @generated
	 */
	int getUmask();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.cluster.Credentials#getUmask <em>Umask</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Umask</em>' attribute.
	 * @see #getUmask()
	 * @generated
	 */
	void setUmask(int value);

	/**
	 * Returns the value of the '<em><b>Privileged</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Privileged</em>' attribute.
	 * @see #setPrivileged(boolean)
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getCredentials_Privileged()
	 * @model
	 * @generated
	 */
	boolean isPrivileged();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.cluster.Credentials#isPrivileged <em>Privileged</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Privileged</em>' attribute.
	 * @see #isPrivileged()
	 * @generated
	 */
	void setPrivileged(boolean value);

} // Credentials
