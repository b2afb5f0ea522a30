/**
 * Copyright (c) 2026 RSM Workbench contributors
 * SPDX-License-Identifier: EPL-2.0
 */
package org.rsmworkbench.model.cluster.internal.impl;

import java.util.Collection;

import org.eclipse.emf.common.notify.Notification;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EClass;

import org.eclipse.emf.ecore.impl.ENotificationImpl;
import org.eclipse.emf.ecore.impl.MinimalEObjectImpl;

import org.eclipse.emf.ecore.util.EDataTypeUniqueEList;

import org.rsmworkbench.model.cluster.ClusterPackage;
import org.rsmworkbench.model.cluster.Credentials;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Credentials</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link org.rsmworkbench.model.cluster.internal.impl.CredentialsImpl#getUid <em>Uid</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.internal.impl.CredentialsImpl#getGid <em>Gid</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.internal.impl.CredentialsImpl#getGroups <em>Groups</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.internal.impl.CredentialsImpl#getUmask <em>Umask</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.internal.impl.CredentialsImpl#isPrivileged <em>Privileged</em>}</li>
 * </ul>
 *
 * @generated
 */
public class CredentialsImpl extends MinimalEObjectImpl.Container implements Credentials {
	/**
	 * The default value of the '{@link #getUid() <em>Uid</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getUid()
	 * @generated
	 * @ordered
	 */
	protected static final int UID_EDEFAULT = 1000;

	/**
	 * The cached value of the '{@link #getUid() <em>Uid</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getUid()
	 * @generated
	 * @ordered
	 */
	protected int uid = UID_EDEFAULT;

	/**
	 * The default value of the '{@link #getGid() <em>Gid</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getGid()
	 * @generated
	 * @ordered
	 */
	protected static final int GID_EDEFAULT = 1000;

	/**
	 * The cached value of the '{@link #getGid() <em>Gid</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getGid()
	 * @generated
	 * @ordered
	 */
	protected int gid = GID_EDEFAULT;

	/**
	 * The cached value of the '{@link #getGroups() <em>Groups</em>}' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getGroups()
	 * @generated
	 * @ordered
	 */
	protected EList<Integer> groups;

	/**
	 * The default value of the '{@link #getUmask() <em>Umask</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getUmask()
	 * @generated
	 * @ordered
	 */
	protected static final int UMASK_EDEFAULT = 18;

	/**
	 * The cached value of the '{@link #getUmask() <em>Umask</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getUmask()
	 * @generated
	 * @ordered
	 */
	protected int umask = UMASK_EDEFAULT;

	/**
	 * The default value of the '{@link #isPrivileged() <em>Privileged</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isPrivileged()
	 * @generated
	 * @ordered
	 */
	protected static final boolean PRIVILEGED_EDEFAULT = false;

	/**
	 * The cached value of the '{@link #isPrivileged() <em>Privileged</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isPrivileged()
	 * @generated
	 * @ordered
	 */
	protected boolean privileged = PRIVILEGED_EDEFAULT;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected CredentialsImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return ClusterPackage.Literals.CREDENTIALS;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getUid() {
		return uid;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setUid(int newUid) {
		int oldUid = uid;
		uid = newUid;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ClusterPackage.CREDENTIALS__UID, oldUid, uid));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getGid() {
		return gid;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setGid(int newGid) {
		int oldGid = gid;
		gid = newGid;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ClusterPackage.CREDENTIALS__GID, oldGid, gid));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Integer> getGroups() {
		if (groups == null) {
			groups = new EDataTypeUniqueEList<Integer>(Integer.class, this, ClusterPackage.CREDENTIALS__GROUPS);
		}
		return groups;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getUmask() {
		return umask;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setUmask(int newUmask) {
		int oldUmask = umask;
		umask = newUmask;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ClusterPackage.CREDENTIALS__UMASK, oldUmask, umask));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean isPrivileged() {
		return privileged;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setPrivileged(boolean newPrivileged) {
		boolean oldPrivileged = privileged;
		privileged = newPrivileged;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ClusterPackage.CREDENTIALS__PRIVILEGED, oldPrivileged, privileged));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case ClusterPackage.CREDENTIALS__UID:
				return getUid();
			case ClusterPackage.CREDENTIALS__GID:
				return getGid();
			case ClusterPackage.CREDENTIALS__GROUPS:
				return getGroups();
			case ClusterPackage.CREDENTIALS__UMASK:
				return getUmask();
			case ClusterPackage.CREDENTIALS__PRIVILEGED:
				return isPrivileged();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@SuppressWarnings("unchecked")
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case ClusterPackage.CREDENTIALS__UID:
				setUid((Integer)newValue);
				return;
			case ClusterPackage.CREDENTIALS__GID:
				setGid((Integer)newValue);
				return;
			case ClusterPackage.CREDENTIALS__GROUPS:
				getGroups().clear();
				getGroups().addAll((Collection<? extends Integer>)newValue);
				return;
			case ClusterPackage.CREDENTIALS__UMASK:
				setUmask((Integer)newValue);
				return;
			case ClusterPackage.CREDENTIALS__PRIVILEGED:
				setPrivileged((Boolean)newValue);
				return;
		}
		super.eSet(featureID, newValue);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eUnset(int featureID) {
		switch (featureID) {
			case ClusterPackage.CREDENTIALS__UID:
				setUid(UID_EDEFAULT);
				return;
			case ClusterPackage.CREDENTIALS__GID:
				setGid(GID_EDEFAULT);
				return;
			case ClusterPackage.CREDENTIALS__GROUPS:
				getGroups().clear();
				return;
			case ClusterPackage.CREDENTIALS__UMASK:
				setUmask(UMASK_EDEFAULT);
				return;
			case ClusterPackage.CREDENTIALS__PRIVILEGED:
				setPrivileged(PRIVILEGED_EDEFAULT);
				return;
		}
		super.eUnset(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean eIsSet(int featureID) {
		switch (featureID) {
			case ClusterPackage.CREDENTIALS__UID:
				return uid != UID_EDEFAULT;
			case ClusterPackage.CREDENTIALS__GID:
				return gid != GID_EDEFAULT;
			case ClusterPackage.CREDENTIALS__GROUPS:
				return groups != null && !groups.isEmpty();
			case ClusterPackage.CREDENTIALS__UMASK:
				return umask != UMASK_EDEFAULT;
			case ClusterPackage.CREDENTIALS__PRIVILEGED:
				return privileged != PRIVILEGED_EDEFAULT;
		}
		return super.eIsSet(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		if (eIsProxy()) return super.toString();

		StringBuilder result = new StringBuilder(super.toString());
		result.append(" (uid: ");
		result.append(uid);
		result.append(", gid: ");
		result.append(gid);
		result.append(", groups: ");
		result.append(groups);
		result.append(", umask: ");
		result.append(umask);
		result.append(", privileged: ");
		result.append(privileged);
		result.append(')');
		return result.toString();
	}

} //CredentialsImpl
