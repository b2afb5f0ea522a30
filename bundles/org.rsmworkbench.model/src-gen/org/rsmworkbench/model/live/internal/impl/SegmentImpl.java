/**
 * Copyright (c) 2026 RSM Workbench contributors
 * SPDX-License-Identifier: EPL-2.0
 */
package org.rsmworkbench.model.live.internal.impl;

import java.util.Collection;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.NotificationChain;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.InternalEObject;

import org.eclipse.emf.ecore.impl.ENotificationImpl;
import org.eclipse.emf.ecore.impl.MinimalEObjectImpl;

import org.eclipse.emf.ecore.util.EObjectContainmentEList;
import org.eclipse.emf.ecore.util.InternalEList;

import org.rsmworkbench.model.cluster.AccessEntry;

import org.rsmworkbench.model.live.LivePackage;
import org.rsmworkbench.model.live.LiveProcess;
import org.rsmworkbench.model.live.Segment;
import org.rsmworkbench.model.live.SegmentState;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Segment</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link org.rsmworkbench.model.live.internal.impl.SegmentImpl#getSegmentId <em>Segment Id</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.internal.impl.SegmentImpl#getOwnerNode <em>Owner Node</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.internal.impl.SegmentImpl#getOwnerProcess <em>Owner Process</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.internal.impl.SegmentImpl#getOwner <em>Owner</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.internal.impl.SegmentImpl#getController <em>Controller</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.internal.impl.SegmentImpl#getSize <em>Size</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.internal.impl.SegmentImpl#getState <em>State</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.internal.impl.SegmentImpl#getAcl <em>Acl</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.internal.impl.SegmentImpl#getCreatorUid <em>Creator Uid</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.internal.impl.SegmentImpl#getCreatorGid <em>Creator Gid</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.internal.impl.SegmentImpl#getMode <em>Mode</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.internal.impl.SegmentImpl#getPublishCount <em>Publish Count</em>}</li>
 * </ul>
 *
 * @generated
 */
public class SegmentImpl extends MinimalEObjectImpl.Container implements Segment {
	/**
	 * The default value of the '{@link #getSegmentId() <em>Segment Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSegmentId()
	 * @generated
	 * @ordered
	 */
	protected static final int SEGMENT_ID_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getSegmentId() <em>Segment Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSegmentId()
	 * @generated
	 * @ordered
	 */
	protected int segmentId = SEGMENT_ID_EDEFAULT;

	/**
	 * The default value of the '{@link #getOwnerNode() <em>Owner Node</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getOwnerNode()
	 * @generated
	 * @ordered
	 */
	protected static final int OWNER_NODE_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getOwnerNode() <em>Owner Node</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getOwnerNode()
	 * @generated
	 * @ordered
	 */
	protected int ownerNode = OWNER_NODE_EDEFAULT;

	/**
	 * The default value of the '{@link #getOwnerProcess() <em>Owner Process</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getOwnerProcess()
	 * @generated
	 * @ordered
	 */
	protected static final int OWNER_PROCESS_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getOwnerProcess() <em>Owner Process</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getOwnerProcess()
	 * @generated
	 * @ordered
	 */
	protected int ownerProcess = OWNER_PROCESS_EDEFAULT;

	/**
	 * The cached value of the '{@link #getOwner() <em>Owner</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getOwner()
	 * @generated
	 * @ordered
	 */
	protected LiveProcess owner;

	/**
	 * The default value of the '{@link #getController() <em>Controller</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getController()
	 * @generated
	 * @ordered
	 */
	protected static final String CONTROLLER_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getController() <em>Controller</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getController()
	 * @generated
	 * @ordered
	 */
	protected String controller = CONTROLLER_EDEFAULT;

	/**
	 * The default value of the '{@link #getSize() <em>Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSize()
	 * @generated
	 * @ordered
	 */
	protected static final long SIZE_EDEFAULT = 0L;

	/**
	 * The cached value of the '{@link #getSize() <em>Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSize()
	 * @generated
	 * @ordered
	 */
	protected long size = SIZE_EDEFAULT;

	/**
	 * The default value of the '{@link #getState() <em>State</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getState()
	 * @generated
	 * @ordered
	 */
	protected static final SegmentState STATE_EDEFAULT = SegmentState.BOUND;

	/**
	 * The cached value of the '{@link #getState() <em>State</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getState()
	 * @generated
	 * @ordered
	 */
	protected SegmentState state = STATE_EDEFAULT;

	/**
	 * The cached value of the '{@link #getAcl() <em>Acl</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getAcl()
	 * @generated
	 * @ordered
	 */
	protected EList<AccessEntry> acl;

	/**
	 * The default value of the '{@link #getCreatorUid() <em>Creator Uid</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCreatorUid()
	 * @generated
	 * @ordered
	 */
	protected static final int CREATOR_UID_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getCreatorUid() <em>Creator Uid</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCreatorUid()
	 * @generated
	 * @ordered
	 */
	protected int creatorUid = CREATOR_UID_EDEFAULT;

	/**
	 * The default value of the '{@link #getCreatorGid() <em>Creator Gid</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCreatorGid()
	 * @generated
	 * @ordered
	 */
	protected static final int CREATOR_GID_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getCreatorGid() <em>Creator Gid</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCreatorGid()
	 * @generated
	 * @ordered
	 */
	protected int creatorGid = CREATOR_GID_EDEFAULT;

	/**
	 * The default value of the '{@link #getMode() <em>Mode</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMode()
	 * @generated
	 * @ordered
	 */
	protected static final int MODE_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getMode() <em>Mode</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMode()
	 * @generated
	 * @ordered
	 */
	protected int mode = MODE_EDEFAULT;

	/**
	 * The default value of the '{@link #getPublishCount() <em>Publish Count</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPublishCount()
	 * @generated
	 * @ordered
	 */
	protected static final int PUBLISH_COUNT_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getPublishCount() <em>Publish Count</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPublishCount()
	 * @generated
	 * @ordered
	 */
	protected int publishCount = PUBLISH_COUNT_EDEFAULT;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected SegmentImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return LivePackage.Literals.SEGMENT;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getSegmentId() {
		return segmentId;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSegmentId(int newSegmentId) {
		int oldSegmentId = segmentId;
		segmentId = newSegmentId;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LivePackage.SEGMENT__SEGMENT_ID, oldSegmentId, segmentId));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getOwnerNode() {
		return ownerNode;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setOwnerNode(int newOwnerNode) {
		int oldOwnerNode = ownerNode;
		ownerNode = newOwnerNode;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LivePackage.SEGMENT__OWNER_NODE, oldOwnerNode, ownerNode));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getOwnerProcess() {
		return ownerProcess;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setOwnerProcess(int newOwnerProcess) {
		int oldOwnerProcess = ownerProcess;
		ownerProcess = newOwnerProcess;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LivePackage.SEGMENT__OWNER_PROCESS, oldOwnerProcess, ownerProcess));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public LiveProcess getOwner() {
		if (owner != null && owner.eIsProxy()) {
			InternalEObject oldOwner = (InternalEObject)owner;
			owner = (LiveProcess)eResolveProxy(oldOwner);
			if (owner != oldOwner) {
				if (eNotificationRequired())
					eNotify(new ENotificationImpl(this, Notification.RESOLVE, LivePackage.SEGMENT__OWNER, oldOwner, owner));
			}
		}
		return owner;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public LiveProcess basicGetOwner() {
		return owner;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setOwner(LiveProcess newOwner) {
		LiveProcess oldOwner = owner;
		owner = newOwner;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LivePackage.SEGMENT__OWNER, oldOwner, owner));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getController() {
		return controller;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setController(String newController) {
		String oldController = controller;
		controller = newController;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LivePackage.SEGMENT__CONTROLLER, oldController, controller));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getSize() {
		return size;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSize(long newSize) {
		long oldSize = size;
		size = newSize;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LivePackage.SEGMENT__SIZE, oldSize, size));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public SegmentState getState() {
		return state;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setState(SegmentState newState) {
		SegmentState oldState = state;
		state = newState == null ? STATE_EDEFAULT : newState;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LivePackage.SEGMENT__STATE, oldState, state));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<AccessEntry> getAcl() {
		if (acl == null) {
			acl = new EObjectContainmentEList<AccessEntry>(AccessEntry.class, this, LivePackage.SEGMENT__ACL);
		}
		return acl;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getCreatorUid() {
		return creatorUid;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setCreatorUid(int newCreatorUid) {
		int oldCreatorUid = creatorUid;
		creatorUid = newCreatorUid;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LivePackage.SEGMENT__CREATOR_UID, oldCreatorUid, creatorUid));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getCreatorGid() {
		return creatorGid;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setCreatorGid(int newCreatorGid) {
		int oldCreatorGid = creatorGid;
		creatorGid = newCreatorGid;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LivePackage.SEGMENT__CREATOR_GID, oldCreatorGid, creatorGid));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getMode() {
		return mode;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setMode(int newMode) {
		int oldMode = mode;
		mode = newMode;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LivePackage.SEGMENT__MODE, oldMode, mode));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getPublishCount() {
		return publishCount;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setPublishCount(int newPublishCount) {
		int oldPublishCount = publishCount;
		publishCount = newPublishCount;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LivePackage.SEGMENT__PUBLISH_COUNT, oldPublishCount, publishCount));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eInverseRemove(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case LivePackage.SEGMENT__ACL:
				return ((InternalEList<?>)getAcl()).basicRemove(otherEnd, msgs);
		}
		return super.eInverseRemove(otherEnd, featureID, msgs);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case LivePackage.SEGMENT__SEGMENT_ID:
				return getSegmentId();
			case LivePackage.SEGMENT__OWNER_NODE:
				return getOwnerNode();
			case LivePackage.SEGMENT__OWNER_PROCESS:
				return getOwnerProcess();
			case LivePackage.SEGMENT__OWNER:
				if (resolve) return getOwner();
				return basicGetOwner();
			case LivePackage.SEGMENT__CONTROLLER:
				return getController();
			case LivePackage.SEGMENT__SIZE:
				return getSize();
			case LivePackage.SEGMENT__STATE:
				return getState();
			case LivePackage.SEGMENT__ACL:
				return getAcl();
			case LivePackage.SEGMENT__CREATOR_UID:
				return getCreatorUid();
			case LivePackage.SEGMENT__CREATOR_GID:
				return getCreatorGid();
			case LivePackage.SEGMENT__MODE:
				return getMode();
			case LivePackage.SEGMENT__PUBLISH_COUNT:
				return getPublishCount();
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
			case LivePackage.SEGMENT__SEGMENT_ID:
				setSegmentId((Integer)newValue);
				return;
			case LivePackage.SEGMENT__OWNER_NODE:
				setOwnerNode((Integer)newValue);
				return;
			case LivePackage.SEGMENT__OWNER_PROCESS:
				setOwnerProcess((Integer)newValue);
				return;
			case LivePackage.SEGMENT__OWNER:
				setOwner((LiveProcess)newValue);
				return;
			case LivePackage.SEGMENT__CONTROLLER:
				setController((String)newValue);
				return;
			case LivePackage.SEGMENT__SIZE:
				setSize((Long)newValue);
				return;
			case LivePackage.SEGMENT__STATE:
				setState((SegmentState)newValue);
				return;
			case LivePackage.SEGMENT__ACL:
				getAcl().clear();
				getAcl().addAll((Collection<? extends AccessEntry>)newValue);
				return;
			case LivePackage.SEGMENT__CREATOR_UID:
				setCreatorUid((Integer)newValue);
				return;
			case LivePackage.SEGMENT__CREATOR_GID:
				setCreatorGid((Integer)newValue);
				return;
			case LivePackage.SEGMENT__MODE:
				setMode((Integer)newValue);
				return;
			case LivePackage.SEGMENT__PUBLISH_COUNT:
				setPublishCount((Integer)newValue);
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
			case LivePackage.SEGMENT__SEGMENT_ID:
				setSegmentId(SEGMENT_ID_EDEFAULT);
				return;
			case LivePackage.SEGMENT__OWNER_NODE:
				setOwnerNode(OWNER_NODE_EDEFAULT);
				return;
			case LivePackage.SEGMENT__OWNER_PROCESS:
				setOwnerProcess(OWNER_PROCESS_EDEFAULT);
				return;
			case LivePackage.SEGMENT__OWNER:
				setOwner((LiveProcess)null);
				return;
			case LivePackage.SEGMENT__CONTROLLER:
				setController(CONTROLLER_EDEFAULT);
				return;
			case LivePackage.SEGMENT__SIZE:
				setSize(SIZE_EDEFAULT);
				return;
			case LivePackage.SEGMENT__STATE:
				setState(STATE_EDEFAULT);
				return;
			case LivePackage.SEGMENT__ACL:
				getAcl().clear();
				return;
			case LivePackage.SEGMENT__CREATOR_UID:
				setCreatorUid(CREATOR_UID_EDEFAULT);
				return;
			case LivePackage.SEGMENT__CREATOR_GID:
				setCreatorGid(CREATOR_GID_EDEFAULT);
				return;
			case LivePackage.SEGMENT__MODE:
				setMode(MODE_EDEFAULT);
				return;
			case LivePackage.SEGMENT__PUBLISH_COUNT:
				setPublishCount(PUBLISH_COUNT_EDEFAULT);
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
			case LivePackage.SEGMENT__SEGMENT_ID:
				return segmentId != SEGMENT_ID_EDEFAULT;
			case LivePackage.SEGMENT__OWNER_NODE:
				return ownerNode != OWNER_NODE_EDEFAULT;
			case LivePackage.SEGMENT__OWNER_PROCESS:
				return ownerProcess != OWNER_PROCESS_EDEFAULT;
			case LivePackage.SEGMENT__OWNER:
				return owner != null;
			case LivePackage.SEGMENT__CONTROLLER:
				return CONTROLLER_EDEFAULT == null ? controller != null : !CONTROLLER_EDEFAULT.equals(controller);
			case LivePackage.SEGMENT__SIZE:
				return size != SIZE_EDEFAULT;
			case LivePackage.SEGMENT__STATE:
				return state != STATE_EDEFAULT;
			case LivePackage.SEGMENT__ACL:
				return acl != null && !acl.isEmpty();
			case LivePackage.SEGMENT__CREATOR_UID:
				return creatorUid != CREATOR_UID_EDEFAULT;
			case LivePackage.SEGMENT__CREATOR_GID:
				return creatorGid != CREATOR_GID_EDEFAULT;
			case LivePackage.SEGMENT__MODE:
				return mode != MODE_EDEFAULT;
			case LivePackage.SEGMENT__PUBLISH_COUNT:
				return publishCount != PUBLISH_COUNT_EDEFAULT;
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
		result.append(" (segmentId: ");
		result.append(segmentId);
		result.append(", ownerNode: ");
		result.append(ownerNode);
		result.append(", ownerProcess: ");
		result.append(ownerProcess);
		result.append(", controller: ");
		result.append(controller);
		result.append(", size: ");
		result.append(size);
		result.append(", state: ");
		result.append(state);
		result.append(", creatorUid: ");
		result.append(creatorUid);
		result.append(", creatorGid: ");
		result.append(creatorGid);
		result.append(", mode: ");
		result.append(mode);
		result.append(", publishCount: ");
		result.append(publishCount);
		result.append(')');
		return result.toString();
	}

} //SegmentImpl
