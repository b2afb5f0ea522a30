/**
 * Copyright (c) 2026 RSM Workbench contributors
 * SPDX-License-Identifier: EPL-2.0
 */
package org.rsmworkbench.model.cluster.internal.impl;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.NotificationChain;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.InternalEObject;

import org.eclipse.emf.ecore.impl.ENotificationImpl;
import org.eclipse.emf.ecore.impl.MinimalEObjectImpl;

import org.eclipse.emf.ecore.util.EcoreUtil;

import org.rsmworkbench.model.cluster.ClusterPackage;
import org.rsmworkbench.model.cluster.Controller;
import org.rsmworkbench.model.cluster.Node;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Controller</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link org.rsmworkbench.model.cluster.internal.impl.ControllerImpl#getName <em>Name</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.internal.impl.ControllerImpl#getNode <em>Node</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.internal.impl.ControllerImpl#getDirectAccessSizes <em>Direct Access Sizes</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.internal.impl.ControllerImpl#getAtomicSizes <em>Atomic Sizes</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.internal.impl.ControllerImpl#getPageSize <em>Page Size</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.internal.impl.ControllerImpl#getMaxExportSegmentSize <em>Max Export Segment Size</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.internal.impl.ControllerImpl#getTotalExportSegmentSize <em>Total Export Segment Size</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.internal.impl.ControllerImpl#getMaxExportSegments <em>Max Export Segments</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.internal.impl.ControllerImpl#getMaxImportMapSize <em>Max Import Map Size</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.internal.impl.ControllerImpl#getTotalImportMapSize <em>Total Import Map Size</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.internal.impl.ControllerImpl#getMaxImportSegments <em>Max Import Segments</em>}</li>
 * </ul>
 *
 * @generated
 */
public class ControllerImpl extends MinimalEObjectImpl.Container implements Controller {
	/**
	 * The default value of the '{@link #getName() <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getName()
	 * @generated
	 * @ordered
	 */
	protected static final String NAME_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getName() <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getName()
	 * @generated
	 * @ordered
	 */
	protected String name = NAME_EDEFAULT;

	/**
	 * The default value of the '{@link #getDirectAccessSizes() <em>Direct Access Sizes</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDirectAccessSizes()
	 * @generated
	 * @ordered
	 */
	protected static final int DIRECT_ACCESS_SIZES_EDEFAULT = 15;

	/**
	 * The cached value of the '{@link #getDirectAccessSizes() <em>Direct Access Sizes</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDirectAccessSizes()
	 * @generated
	 * @ordered
	 */
	protected int directAccessSizes = DIRECT_ACCESS_SIZES_EDEFAULT;

	/**
	 * The default value of the '{@link #getAtomicSizes() <em>Atomic Sizes</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getAtomicSizes()
	 * @generated
	 * @ordered
	 */
	protected static final int ATOMIC_SIZES_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getAtomicSizes() <em>Atomic Sizes</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getAtomicSizes()
	 * @generated
	 * @ordered
	 */
	protected int atomicSizes = ATOMIC_SIZES_EDEFAULT;

	/**
	 * The default value of the '{@link #getPageSize() <em>Page Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPageSize()
	 * @generated
	 * @ordered
	 */
	protected static final long PAGE_SIZE_EDEFAULT = 4096L;

	/**
	 * The cached value of the '{@link #getPageSize() <em>Page Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPageSize()
	 * @generated
	 * @ordered
	 */
	protected long pageSize = PAGE_SIZE_EDEFAULT;

	/**
	 * The default value of the '{@link #getMaxExportSegmentSize() <em>Max Export Segment Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMaxExportSegmentSize()
	 * @generated
	 * @ordered
	 */
	protected static final long MAX_EXPORT_SEGMENT_SIZE_EDEFAULT = 1073741824L;

	/**
	 * The cached value of the '{@link #getMaxExportSegmentSize() <em>Max Export Segment Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMaxExportSegmentSize()
	 * @generated
	 * @ordered
	 */
	protected long maxExportSegmentSize = MAX_EXPORT_SEGMENT_SIZE_EDEFAULT;

	/**
	 * The default value of the '{@link #getTotalExportSegmentSize() <em>Total Export Segment Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTotalExportSegmentSize()
	 * @generated
	 * @ordered
	 */
	protected static final long TOTAL_EXPORT_SEGMENT_SIZE_EDEFAULT = 8589934592L;

	/**
	 * The cached value of the '{@link #getTotalExportSegmentSize() <em>Total Export Segment Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTotalExportSegmentSize()
	 * @generated
	 * @ordered
	 */
	protected long totalExportSegmentSize = TOTAL_EXPORT_SEGMENT_SIZE_EDEFAULT;

	/**
	 * The default value of the '{@link #getMaxExportSegments() <em>Max Export Segments</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMaxExportSegments()
	 * @generated
	 * @ordered
	 */
	protected static final long MAX_EXPORT_SEGMENTS_EDEFAULT = 4095L;

	/**
	 * The cached value of the '{@link #getMaxExportSegments() <em>Max Export Segments</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMaxExportSegments()
	 * @generated
	 * @ordered
	 */
	protected long maxExportSegments = MAX_EXPORT_SEGMENTS_EDEFAULT;

	/**
	 * The default value of the '{@link #getMaxImportMapSize() <em>Max Import Map Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMaxImportMapSize()
	 * @generated
	 * @ordered
	 */
	protected static final long MAX_IMPORT_MAP_SIZE_EDEFAULT = 1073741824L;

	/**
	 * The cached value of the '{@link #getMaxImportMapSize() <em>Max Import Map Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMaxImportMapSize()
	 * @generated
	 * @ordered
	 */
	protected long maxImportMapSize = MAX_IMPORT_MAP_SIZE_EDEFAULT;

	/**
	 * The default value of the '{@link #getTotalImportMapSize() <em>Total Import Map Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTotalImportMapSize()
	 * @generated
	 * @ordered
	 */
	protected static final long TOTAL_IMPORT_MAP_SIZE_EDEFAULT = 8589934592L;

	/**
	 * The cached value of the '{@link #getTotalImportMapSize() <em>Total Import Map Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTotalImportMapSize()
	 * @generated
	 * @ordered
	 */
	protected long totalImportMapSize = TOTAL_IMPORT_MAP_SIZE_EDEFAULT;

	/**
	 * The default value of the '{@link #getMaxImportSegments() <em>Max Import Segments</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMaxImportSegments()
	 * @generated
	 * @ordered
	 */
	protected static final long MAX_IMPORT_SEGMENTS_EDEFAULT = 4095L;

	/**
	 * The cached value of the '{@link #getMaxImportSegments() <em>Max Import Segments</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMaxImportSegments()
	 * @generated
	 * @ordered
	 */
	protected long maxImportSegments = MAX_IMPORT_SEGMENTS_EDEFAULT;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected ControllerImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return ClusterPackage.Literals.CONTROLLER;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getName() {
		return name;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setName(String newName) {
		String oldName = name;
		name = newName;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ClusterPackage.CONTROLLER__NAME, oldName, name));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Node getNode() {
		if (eContainerFeatureID() != ClusterPackage.CONTROLLER__NODE) return null;
		return (Node)eInternalContainer();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public NotificationChain basicSetNode(Node newNode, NotificationChain msgs) {
		msgs = eBasicSetContainer((InternalEObject)newNode, ClusterPackage.CONTROLLER__NODE, msgs);
		return msgs;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setNode(Node newNode) {
		if (newNode != eInternalContainer() || (eContainerFeatureID() != ClusterPackage.CONTROLLER__NODE && newNode != null)) {
			if (EcoreUtil.isAncestor(this, newNode))
				throw new IllegalArgumentException("Recursive containment not allowed for " + toString());
			NotificationChain msgs = null;
			if (eInternalContainer() != null)
				msgs = eBasicRemoveFromContainer(msgs);
			if (newNode != null)
				msgs = ((InternalEObject)newNode).eInverseAdd(this, ClusterPackage.NODE__CONTROLLERS, Node.class, msgs);
			msgs = basicSetNode(newNode, msgs);
			if (msgs != null) msgs.dispatch();
		}
		else if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ClusterPackage.CONTROLLER__NODE, newNode, newNode));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getDirectAccessSizes() {
		return directAccessSizes;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setDirectAccessSizes(int newDirectAccessSizes) {
		int oldDirectAccessSizes = directAccessSizes;
		directAccessSizes = newDirectAccessSizes;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ClusterPackage.CONTROLLER__DIRECT_ACCESS_SIZES, oldDirectAccessSizes, directAccessSizes));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getAtomicSizes() {
		return atomicSizes;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setAtomicSizes(int newAtomicSizes) {
		int oldAtomicSizes = atomicSizes;
		atomicSizes = newAtomicSizes;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ClusterPackage.CONTROLLER__ATOMIC_SIZES, oldAtomicSizes, atomicSizes));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getPageSize() {
		return pageSize;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setPageSize(long newPageSize) {
		long oldPageSize = pageSize;
		pageSize = newPageSize;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ClusterPackage.CONTROLLER__PAGE_SIZE, oldPageSize, pageSize));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getMaxExportSegmentSize() {
		return maxExportSegmentSize;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setMaxExportSegmentSize(long newMaxExportSegmentSize) {
		long oldMaxExportSegmentSize = maxExportSegmentSize;
		maxExportSegmentSize = newMaxExportSegmentSize;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ClusterPackage.CONTROLLER__MAX_EXPORT_SEGMENT_SIZE, oldMaxExportSegmentSize, maxExportSegmentSize));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getTotalExportSegmentSize() {
		return totalExportSegmentSize;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setTotalExportSegmentSize(long newTotalExportSegmentSize) {
		long oldTotalExportSegmentSize = totalExportSegmentSize;
		totalExportSegmentSize = newTotalExportSegmentSize;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ClusterPackage.CONTROLLER__TOTAL_EXPORT_SEGMENT_SIZE, oldTotalExportSegmentSize, totalExportSegmentSize));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getMaxExportSegments() {
		return maxExportSegments;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setMaxExportSegments(long newMaxExportSegments) {
		long oldMaxExportSegments = maxExportSegments;
		maxExportSegments = newMaxExportSegments;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ClusterPackage.CONTROLLER__MAX_EXPORT_SEGMENTS, oldMaxExportSegments, maxExportSegments));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getMaxImportMapSize() {
		return maxImportMapSize;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setMaxImportMapSize(long newMaxImportMapSize) {
		long oldMaxImportMapSize = maxImportMapSize;
		maxImportMapSize = newMaxImportMapSize;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ClusterPackage.CONTROLLER__MAX_IMPORT_MAP_SIZE, oldMaxImportMapSize, maxImportMapSize));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getTotalImportMapSize() {
		return totalImportMapSize;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setTotalImportMapSize(long newTotalImportMapSize) {
		long oldTotalImportMapSize = totalImportMapSize;
		totalImportMapSize = newTotalImportMapSize;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ClusterPackage.CONTROLLER__TOTAL_IMPORT_MAP_SIZE, oldTotalImportMapSize, totalImportMapSize));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getMaxImportSegments() {
		return maxImportSegments;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setMaxImportSegments(long newMaxImportSegments) {
		long oldMaxImportSegments = maxImportSegments;
		maxImportSegments = newMaxImportSegments;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ClusterPackage.CONTROLLER__MAX_IMPORT_SEGMENTS, oldMaxImportSegments, maxImportSegments));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eInverseAdd(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case ClusterPackage.CONTROLLER__NODE:
				if (eInternalContainer() != null)
					msgs = eBasicRemoveFromContainer(msgs);
				return basicSetNode((Node)otherEnd, msgs);
		}
		return super.eInverseAdd(otherEnd, featureID, msgs);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eInverseRemove(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case ClusterPackage.CONTROLLER__NODE:
				return basicSetNode(null, msgs);
		}
		return super.eInverseRemove(otherEnd, featureID, msgs);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eBasicRemoveFromContainerFeature(NotificationChain msgs) {
		switch (eContainerFeatureID()) {
			case ClusterPackage.CONTROLLER__NODE:
				return eInternalContainer().eInverseRemove(this, ClusterPackage.NODE__CONTROLLERS, Node.class, msgs);
		}
		return super.eBasicRemoveFromContainerFeature(msgs);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case ClusterPackage.CONTROLLER__NAME:
				return getName();
			case ClusterPackage.CONTROLLER__NODE:
				return getNode();
			case ClusterPackage.CONTROLLER__DIRECT_ACCESS_SIZES:
				return getDirectAccessSizes();
			case ClusterPackage.CONTROLLER__ATOMIC_SIZES:
				return getAtomicSizes();
			case ClusterPackage.CONTROLLER__PAGE_SIZE:
				return getPageSize();
			case ClusterPackage.CONTROLLER__MAX_EXPORT_SEGMENT_SIZE:
				return getMaxExportSegmentSize();
			case ClusterPackage.CONTROLLER__TOTAL_EXPORT_SEGMENT_SIZE:
				return getTotalExportSegmentSize();
			case ClusterPackage.CONTROLLER__MAX_EXPORT_SEGMENTS:
				return getMaxExportSegments();
			case ClusterPackage.CONTROLLER__MAX_IMPORT_MAP_SIZE:
				return getMaxImportMapSize();
			case ClusterPackage.CONTROLLER__TOTAL_IMPORT_MAP_SIZE:
				return getTotalImportMapSize();
			case ClusterPackage.CONTROLLER__MAX_IMPORT_SEGMENTS:
				return getMaxImportSegments();
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
			case ClusterPackage.CONTROLLER__NAME:
				setName((String)newValue);
				return;
			case ClusterPackage.CONTROLLER__NODE:
				setNode((Node)newValue);
				return;
			case ClusterPackage.CONTROLLER__DIRECT_ACCESS_SIZES:
				setDirectAccessSizes((Integer)newValue);
				return;
			case ClusterPackage.CONTROLLER__ATOMIC_SIZES:
				setAtomicSizes((Integer)newValue);
				return;
			case ClusterPackage.CONTROLLER__PAGE_SIZE:
				setPageSize((Long)newValue);
				return;
			case ClusterPackage.CONTROLLER__MAX_EXPORT_SEGMENT_SIZE:
				setMaxExportSegmentSize((Long)newValue);
				return;
			case ClusterPackage.CONTROLLER__TOTAL_EXPORT_SEGMENT_SIZE:
				setTotalExportSegmentSize((Long)newValue);
				return;
			case ClusterPackage.CONTROLLER__MAX_EXPORT_SEGMENTS:
				setMaxExportSegments((Long)newValue);
				return;
			case ClusterPackage.CONTROLLER__MAX_IMPORT_MAP_SIZE:
				setMaxImportMapSize((Long)newValue);
				return;
			case ClusterPackage.CONTROLLER__TOTAL_IMPORT_MAP_SIZE:
				setTotalImportMapSize((Long)newValue);
				return;
			case ClusterPackage.CONTROLLER__MAX_IMPORT_SEGMENTS:
				setMaxImportSegments((Long)newValue);
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
			case ClusterPackage.CONTROLLER__NAME:
				setName(NAME_EDEFAULT);
				return;
			case ClusterPackage.CONTROLLER__NODE:
				setNode((Node)null);
				return;
			case ClusterPackage.CONTROLLER__DIRECT_ACCESS_SIZES:
				setDirectAccessSizes(DIRECT_ACCESS_SIZES_EDEFAULT);
				return;
			case ClusterPackage.CONTROLLER__ATOMIC_SIZES:
				setAtomicSizes(ATOMIC_SIZES_EDEFAULT);
				return;
			case ClusterPackage.CONTROLLER__PAGE_SIZE:
				setPageSize(PAGE_SIZE_EDEFAULT);
				return;
			case ClusterPackage.CONTROLLER__MAX_EXPORT_SEGMENT_SIZE:
				setMaxExportSegmentSize(MAX_EXPORT_SEGMENT_SIZE_EDEFAULT);
				return;
			case ClusterPackage.CONTROLLER__TOTAL_EXPORT_SEGMENT_SIZE:
				setTotalExportSegmentSize(TOTAL_EXPORT_SEGMENT_SIZE_EDEFAULT);
				return;
			case ClusterPackage.CONTROLLER__MAX_EXPORT_SEGMENTS:
				setMaxExportSegments(MAX_EXPORT_SEGMENTS_EDEFAULT);
				return;
			case ClusterPackage.CONTROLLER__MAX_IMPORT_MAP_SIZE:
				setMaxImportMapSize(MAX_IMPORT_MAP_SIZE_EDEFAULT);
				return;
			case ClusterPackage.CONTROLLER__TOTAL_IMPORT_MAP_SIZE:
				setTotalImportMapSize(TOTAL_IMPORT_MAP_SIZE_EDEFAULT);
				return;
			case ClusterPackage.CONTROLLER__MAX_IMPORT_SEGMENTS:
				setMaxImportSegments(MAX_IMPORT_SEGMENTS_EDEFAULT);
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
			case ClusterPackage.CONTROLLER__NAME:
				return NAME_EDEFAULT == null ? name != null : !NAME_EDEFAULT.equals(name);
			case ClusterPackage.CONTROLLER__NODE:
				return getNode() != null;
			case ClusterPackage.CONTROLLER__DIRECT_ACCESS_SIZES:
				return directAccessSizes != DIRECT_ACCESS_SIZES_EDEFAULT;
			case ClusterPackage.CONTROLLER__ATOMIC_SIZES:
				return atomicSizes != ATOMIC_SIZES_EDEFAULT;
			case ClusterPackage.CONTROLLER__PAGE_SIZE:
				return pageSize != PAGE_SIZE_EDEFAULT;
			case ClusterPackage.CONTROLLER__MAX_EXPORT_SEGMENT_SIZE:
				return maxExportSegmentSize != MAX_EXPORT_SEGMENT_SIZE_EDEFAULT;
			case ClusterPackage.CONTROLLER__TOTAL_EXPORT_SEGMENT_SIZE:
				return totalExportSegmentSize != TOTAL_EXPORT_SEGMENT_SIZE_EDEFAULT;
			case ClusterPackage.CONTROLLER__MAX_EXPORT_SEGMENTS:
				return maxExportSegments != MAX_EXPORT_SEGMENTS_EDEFAULT;
			case ClusterPackage.CONTROLLER__MAX_IMPORT_MAP_SIZE:
				return maxImportMapSize != MAX_IMPORT_MAP_SIZE_EDEFAULT;
			case ClusterPackage.CONTROLLER__TOTAL_IMPORT_MAP_SIZE:
				return totalImportMapSize != TOTAL_IMPORT_MAP_SIZE_EDEFAULT;
			case ClusterPackage.CONTROLLER__MAX_IMPORT_SEGMENTS:
				return maxImportSegments != MAX_IMPORT_SEGMENTS_EDEFAULT;
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
		result.append(" (name: ");
		result.append(name);
		result.append(", directAccessSizes: ");
		result.append(directAccessSizes);
		result.append(", atomicSizes: ");
		result.append(atomicSizes);
		result.append(", pageSize: ");
		result.append(pageSize);
		result.append(", maxExportSegmentSize: ");
		result.append(maxExportSegmentSize);
		result.append(", totalExportSegmentSize: ");
		result.append(totalExportSegmentSize);
		result.append(", maxExportSegments: ");
		result.append(maxExportSegments);
		result.append(", maxImportMapSize: ");
		result.append(maxImportMapSize);
		result.append(", totalImportMapSize: ");
		result.append(totalImportMapSize);
		result.append(", maxImportSegments: ");
		result.append(maxImportSegments);
		result.append(')');
		return result.toString();
	}

} //ControllerImpl
