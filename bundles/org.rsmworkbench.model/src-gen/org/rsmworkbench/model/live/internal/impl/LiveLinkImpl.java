/**
 * Copyright (c) 2026 RSM Workbench contributors
 * SPDX-License-Identifier: EPL-2.0
 */
package org.rsmworkbench.model.live.internal.impl;

import org.eclipse.emf.common.notify.Notification;

import org.eclipse.emf.ecore.EClass;

import org.eclipse.emf.ecore.impl.ENotificationImpl;
import org.eclipse.emf.ecore.impl.MinimalEObjectImpl;

import org.rsmworkbench.model.live.LiveLink;
import org.rsmworkbench.model.live.LivePackage;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Link</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link org.rsmworkbench.model.live.internal.impl.LiveLinkImpl#getNodeA <em>Node A</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.internal.impl.LiveLinkImpl#getControllerA <em>Controller A</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.internal.impl.LiveLinkImpl#getNodeB <em>Node B</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.internal.impl.LiveLinkImpl#getControllerB <em>Controller B</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.internal.impl.LiveLinkImpl#isUp <em>Up</em>}</li>
 * </ul>
 *
 * @generated
 */
public class LiveLinkImpl extends MinimalEObjectImpl.Container implements LiveLink {
	/**
	 * The default value of the '{@link #getNodeA() <em>Node A</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getNodeA()
	 * @generated
	 * @ordered
	 */
	protected static final int NODE_A_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getNodeA() <em>Node A</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getNodeA()
	 * @generated
	 * @ordered
	 */
	protected int nodeA = NODE_A_EDEFAULT;

	/**
	 * The default value of the '{@link #getControllerA() <em>Controller A</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getControllerA()
	 * @generated
	 * @ordered
	 */
	protected static final String CONTROLLER_A_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getControllerA() <em>Controller A</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getControllerA()
	 * @generated
	 * @ordered
	 */
	protected String controllerA = CONTROLLER_A_EDEFAULT;

	/**
	 * The default value of the '{@link #getNodeB() <em>Node B</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getNodeB()
	 * @generated
	 * @ordered
	 */
	protected static final int NODE_B_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getNodeB() <em>Node B</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getNodeB()
	 * @generated
	 * @ordered
	 */
	protected int nodeB = NODE_B_EDEFAULT;

	/**
	 * The default value of the '{@link #getControllerB() <em>Controller B</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getControllerB()
	 * @generated
	 * @ordered
	 */
	protected static final String CONTROLLER_B_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getControllerB() <em>Controller B</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getControllerB()
	 * @generated
	 * @ordered
	 */
	protected String controllerB = CONTROLLER_B_EDEFAULT;

	/**
	 * The default value of the '{@link #isUp() <em>Up</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isUp()
	 * @generated
	 * @ordered
	 */
	protected static final boolean UP_EDEFAULT = false;

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
	protected LiveLinkImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return LivePackage.Literals.LIVE_LINK;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getNodeA() {
		return nodeA;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setNodeA(int newNodeA) {
		int oldNodeA = nodeA;
		nodeA = newNodeA;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LivePackage.LIVE_LINK__NODE_A, oldNodeA, nodeA));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getControllerA() {
		return controllerA;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setControllerA(String newControllerA) {
		String oldControllerA = controllerA;
		controllerA = newControllerA;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LivePackage.LIVE_LINK__CONTROLLER_A, oldControllerA, controllerA));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getNodeB() {
		return nodeB;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setNodeB(int newNodeB) {
		int oldNodeB = nodeB;
		nodeB = newNodeB;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LivePackage.LIVE_LINK__NODE_B, oldNodeB, nodeB));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getControllerB() {
		return controllerB;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setControllerB(String newControllerB) {
		String oldControllerB = controllerB;
		controllerB = newControllerB;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LivePackage.LIVE_LINK__CONTROLLER_B, oldControllerB, controllerB));
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
			eNotify(new ENotificationImpl(this, Notification.SET, LivePackage.LIVE_LINK__UP, oldUp, up));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case LivePackage.LIVE_LINK__NODE_A:
				return getNodeA();
			case LivePackage.LIVE_LINK__CONTROLLER_A:
				return getControllerA();
			case LivePackage.LIVE_LINK__NODE_B:
				return getNodeB();
			case LivePackage.LIVE_LINK__CONTROLLER_B:
				return getControllerB();
			case LivePackage.LIVE_LINK__UP:
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
			case LivePackage.LIVE_LINK__NODE_A:
				setNodeA((Integer)newValue);
				return;
			case LivePackage.LIVE_LINK__CONTROLLER_A:
				setControllerA((String)newValue);
				return;
			case LivePackage.LIVE_LINK__NODE_B:
				setNodeB((Integer)newValue);
				return;
			case LivePackage.LIVE_LINK__CONTROLLER_B:
				setControllerB((String)newValue);
				return;
			case LivePackage.LIVE_LINK__UP:
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
			case LivePackage.LIVE_LINK__NODE_A:
				setNodeA(NODE_A_EDEFAULT);
				return;
			case LivePackage.LIVE_LINK__CONTROLLER_A:
				setControllerA(CONTROLLER_A_EDEFAULT);
				return;
			case LivePackage.LIVE_LINK__NODE_B:
				setNodeB(NODE_B_EDEFAULT);
				return;
			case LivePackage.LIVE_LINK__CONTROLLER_B:
				setControllerB(CONTROLLER_B_EDEFAULT);
				return;
			case LivePackage.LIVE_LINK__UP:
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
			case LivePackage.LIVE_LINK__NODE_A:
				return nodeA != NODE_A_EDEFAULT;
			case LivePackage.LIVE_LINK__CONTROLLER_A:
				return CONTROLLER_A_EDEFAULT == null ? controllerA != null : !CONTROLLER_A_EDEFAULT.equals(controllerA);
			case LivePackage.LIVE_LINK__NODE_B:
				return nodeB != NODE_B_EDEFAULT;
			case LivePackage.LIVE_LINK__CONTROLLER_B:
				return CONTROLLER_B_EDEFAULT == null ? controllerB != null : !CONTROLLER_B_EDEFAULT.equals(controllerB);
			case LivePackage.LIVE_LINK__UP:
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
		result.append(" (nodeA: ");
		result.append(nodeA);
		result.append(", controllerA: ");
		result.append(controllerA);
		result.append(", nodeB: ");
		result.append(nodeB);
		result.append(", controllerB: ");
		result.append(controllerB);
		result.append(", up: ");
		result.append(up);
		result.append(')');
		return result.toString();
	}

} //LiveLinkImpl
