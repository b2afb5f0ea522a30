/**
 * Copyright (c) 2026 RSM Workbench contributors
 * SPDX-License-Identifier: EPL-2.0
 */
package org.rsmworkbench.model.cluster.internal.impl;

import org.eclipse.emf.common.notify.Notification;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.InternalEObject;

import org.eclipse.emf.ecore.impl.ENotificationImpl;
import org.eclipse.emf.ecore.impl.MinimalEObjectImpl;

import org.rsmworkbench.model.cluster.ClusterPackage;
import org.rsmworkbench.model.cluster.Controller;
import org.rsmworkbench.model.cluster.Link;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Link</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link org.rsmworkbench.model.cluster.internal.impl.LinkImpl#getControllerA <em>Controller A</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.internal.impl.LinkImpl#getControllerB <em>Controller B</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.internal.impl.LinkImpl#isUp <em>Up</em>}</li>
 * </ul>
 *
 * @generated
 */
public class LinkImpl extends MinimalEObjectImpl.Container implements Link {
	/**
	 * The cached value of the '{@link #getControllerA() <em>Controller A</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getControllerA()
	 * @generated
	 * @ordered
	 */
	protected Controller controllerA;

	/**
	 * The cached value of the '{@link #getControllerB() <em>Controller B</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getControllerB()
	 * @generated
	 * @ordered
	 */
	protected Controller controllerB;

	/**
	 * The default value of the '{@link #isUp() <em>Up</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isUp()
	 * @generated
	 * @ordered
	 */
	protected static final boolean UP_EDEFAULT = true;

	/**
	 * The cached value of the '{@link #isUp() <em>Up</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isUp()
	 * @generated
	 * @ordered
	 */
	protected boolean up = UP_EDEFAULT;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected LinkImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return ClusterPackage.Literals.LINK;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Controller getControllerA() {
		if (controllerA != null && controllerA.eIsProxy()) {
			InternalEObject oldControllerA = (InternalEObject)controllerA;
			controllerA = (Controller)eResolveProxy(oldControllerA);
			if (controllerA != oldControllerA) {
				if (eNotificationRequired())
					eNotify(new ENotificationImpl(this, Notification.RESOLVE, ClusterPackage.LINK__CONTROLLER_A, oldControllerA, controllerA));
			}
		}
		return controllerA;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public Controller basicGetControllerA() {
		return controllerA;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setControllerA(Controller newControllerA) {
		Controller oldControllerA = controllerA;
		controllerA = newControllerA;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ClusterPackage.LINK__CONTROLLER_A, oldControllerA, controllerA));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Controller getControllerB() {
		if (controllerB != null && controllerB.eIsProxy()) {
			InternalEObject oldControllerB = (InternalEObject)controllerB;
			controllerB = (Controller)eResolveProxy(oldControllerB);
			if (controllerB != oldControllerB) {
				if (eNotificationRequired())
					eNotify(new ENotificationImpl(this, Notification.RESOLVE, ClusterPackage.LINK__CONTROLLER_B, oldControllerB, controllerB));
			}
		}
		return controllerB;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public Controller basicGetControllerB() {
		return controllerB;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setControllerB(Controller newControllerB) {
		Controller oldControllerB = controllerB;
		controllerB = newControllerB;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ClusterPackage.LINK__CONTROLLER_B, oldControllerB, controllerB));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean isUp() {
		return up;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setUp(boolean newUp) {
		boolean oldUp = up;
		up = newUp;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ClusterPackage.LINK__UP, oldUp, up));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case ClusterPackage.LINK__CONTROLLER_A:
				if (resolve) return getControllerA();
				return basicGetControllerA();
			case ClusterPackage.LINK__CONTROLLER_B:
				if (resolve) return getControllerB();
				return basicGetControllerB();
			case ClusterPackage.LINK__UP:
				return isUp();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case ClusterPackage.LINK__CONTROLLER_A:
				setControllerA((Controller)newValue);
				return;
			case ClusterPackage.LINK__CONTROLLER_B:
				setControllerB((Controller)newValue);
				return;
			case ClusterPackage.LINK__UP:
				setUp((Boolean)newValue);
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
			case ClusterPackage.LINK__CONTROLLER_A:
				setControllerA((Controller)null);
				return;
			case ClusterPackage.LINK__CONTROLLER_B:
				setControllerB((Controller)null);
				return;
			case ClusterPackage.LINK__UP:
				setUp(UP_EDEFAULT);
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
			case ClusterPackage.LINK__CONTROLLER_A:
				return controllerA != null;
			case ClusterPackage.LINK__CONTROLLER_B:
				return controllerB != null;
			case ClusterPackage.LINK__UP:
				return up != UP_EDEFAULT;
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
		result.append(" (up: ");
		result.append(up);
		result.append(')');
		return result.toString();
	}

} //LinkImpl
