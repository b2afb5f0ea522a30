/**
 * Copyright (c) 2026 RSM Workbench contributors
 * SPDX-License-Identifier: EPL-2.0
 */
package org.rsmworkbench.model.live;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EObject;

import org.rsmworkbench.model.cluster.AccessEntry;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Segment</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * An export segment. segmentId holds the uint32 bits of rsm_memseg_id_t (ids from 0x80000000 are negative ints).
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.rsmworkbench.model.live.Segment#getSegmentId <em>Segment Id</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.Segment#getOwnerNode <em>Owner Node</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.Segment#getOwnerProcess <em>Owner Process</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.Segment#getOwner <em>Owner</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.Segment#getController <em>Controller</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.Segment#getSize <em>Size</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.Segment#getState <em>State</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.Segment#getAcl <em>Acl</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.Segment#getCreatorUid <em>Creator Uid</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.Segment#getCreatorGid <em>Creator Gid</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.Segment#getMode <em>Mode</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.Segment#getPublishCount <em>Publish Count</em>}</li>
 * </ul>
 *
 * @see org.rsmworkbench.model.live.LivePackage#getSegment()
 * @model
 * @generated
 */
public interface Segment extends EObject {
	/**
	 * Returns the value of the '<em><b>Segment Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Segment Id</em>' attribute.
	 * @see #setSegmentId(int)
	 * @see org.rsmworkbench.model.live.LivePackage#getSegment_SegmentId()
	 * @model
	 * @generated
	 */
	int getSegmentId();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.Segment#getSegmentId <em>Segment Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Segment Id</em>' attribute.
	 * @see #getSegmentId()
	 * @generated
	 */
	void setSegmentId(int value);

	/**
	 * Returns the value of the '<em><b>Owner Node</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Owner Node</em>' attribute.
	 * @see #setOwnerNode(int)
	 * @see org.rsmworkbench.model.live.LivePackage#getSegment_OwnerNode()
	 * @model
	 * @generated
	 */
	int getOwnerNode();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.Segment#getOwnerNode <em>Owner Node</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Owner Node</em>' attribute.
	 * @see #getOwnerNode()
	 * @generated
	 */
	void setOwnerNode(int value);

	/**
	 * Returns the value of the '<em><b>Owner Process</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Owner Process</em>' attribute.
	 * @see #setOwnerProcess(int)
	 * @see org.rsmworkbench.model.live.LivePackage#getSegment_OwnerProcess()
	 * @model
	 * @generated
	 */
	int getOwnerProcess();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.Segment#getOwnerProcess <em>Owner Process</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Owner Process</em>' attribute.
	 * @see #getOwnerProcess()
	 * @generated
	 */
	void setOwnerProcess(int value);

	/**
	 * Returns the value of the '<em><b>Owner</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Owner</em>' reference.
	 * @see #setOwner(LiveProcess)
	 * @see org.rsmworkbench.model.live.LivePackage#getSegment_Owner()
	 * @model
	 * @generated
	 */
	LiveProcess getOwner();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.Segment#getOwner <em>Owner</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Owner</em>' reference.
	 * @see #getOwner()
	 * @generated
	 */
	void setOwner(LiveProcess value);

	/**
	 * Returns the value of the '<em><b>Controller</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Controller</em>' attribute.
	 * @see #setController(String)
	 * @see org.rsmworkbench.model.live.LivePackage#getSegment_Controller()
	 * @model
	 * @generated
	 */
	String getController();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.Segment#getController <em>Controller</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Controller</em>' attribute.
	 * @see #getController()
	 * @generated
	 */
	void setController(String value);

	/**
	 * Returns the value of the '<em><b>Size</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Size</em>' attribute.
	 * @see #setSize(long)
	 * @see org.rsmworkbench.model.live.LivePackage#getSegment_Size()
	 * @model
	 * @generated
	 */
	long getSize();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.Segment#getSize <em>Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Size</em>' attribute.
	 * @see #getSize()
	 * @generated
	 */
	void setSize(long value);

	/**
	 * Returns the value of the '<em><b>State</b></em>' attribute.
	 * The literals are from the enumeration {@link org.rsmworkbench.model.live.SegmentState}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>State</em>' attribute.
	 * @see org.rsmworkbench.model.live.SegmentState
	 * @see #setState(SegmentState)
	 * @see org.rsmworkbench.model.live.LivePackage#getSegment_State()
	 * @model
	 * @generated
	 */
	SegmentState getState();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.Segment#getState <em>State</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>State</em>' attribute.
	 * @see org.rsmworkbench.model.live.SegmentState
	 * @see #getState()
	 * @generated
	 */
	void setState(SegmentState value);

	/**
	 * Returns the value of the '<em><b>Acl</b></em>' containment reference list.
	 * The list contents are of type {@link org.rsmworkbench.model.cluster.AccessEntry}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Acl</em>' containment reference list.
	 * @see org.rsmworkbench.model.live.LivePackage#getSegment_Acl()
	 * @model containment="true"
	 * @generated
	 */
	EList<AccessEntry> getAcl();

	/**
	 * Returns the value of the '<em><b>Creator Uid</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Creator Uid</em>' attribute.
	 * @see #setCreatorUid(int)
	 * @see org.rsmworkbench.model.live.LivePackage#getSegment_CreatorUid()
	 * @model
	 * @generated
	 */
	int getCreatorUid();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.Segment#getCreatorUid <em>Creator Uid</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Creator Uid</em>' attribute.
	 * @see #getCreatorUid()
	 * @generated
	 */
	void setCreatorUid(int value);

	/**
	 * Returns the value of the '<em><b>Creator Gid</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Creator Gid</em>' attribute.
	 * @see #setCreatorGid(int)
	 * @see org.rsmworkbench.model.live.LivePackage#getSegment_CreatorGid()
	 * @model
	 * @generated
	 */
	int getCreatorGid();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.Segment#getCreatorGid <em>Creator Gid</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Creator Gid</em>' attribute.
	 * @see #getCreatorGid()
	 * @generated
	 */
	void setCreatorGid(int value);

	/**
	 * Returns the value of the '<em><b>Mode</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Mode</em>' attribute.
	 * @see #setMode(int)
	 * @see org.rsmworkbench.model.live.LivePackage#getSegment_Mode()
	 * @model dataType="org.rsmworkbench.model.cluster.OctalMode"
	 * @generated
	 */
	int getMode();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.Segment#getMode <em>Mode</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Mode</em>' attribute.
	 * @see #getMode()
	 * @generated
	 */
	void setMode(int value);

	/**
	 * Returns the value of the '<em><b>Publish Count</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Publish Count</em>' attribute.
	 * @see #setPublishCount(int)
	 * @see org.rsmworkbench.model.live.LivePackage#getSegment_PublishCount()
	 * @model
	 * @generated
	 */
	int getPublishCount();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.Segment#getPublishCount <em>Publish Count</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Publish Count</em>' attribute.
	 * @see #getPublishCount()
	 * @generated
	 */
	void setPublishCount(int value);

} // Segment
