/**
 * Copyright (c) 2026 RSM Workbench contributors
 * SPDX-License-Identifier: EPL-2.0
 */
package org.rsmworkbench.model.live.internal.impl;

import org.eclipse.emf.common.notify.Notification;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.InternalEObject;

import org.eclipse.emf.ecore.impl.ENotificationImpl;
import org.eclipse.emf.ecore.impl.MinimalEObjectImpl;

import org.rsmworkbench.model.live.BarrierMode;
import org.rsmworkbench.model.live.Connection;
import org.rsmworkbench.model.live.LivePackage;
import org.rsmworkbench.model.live.LiveProcess;
import org.rsmworkbench.model.live.Segment;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Connection</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link org.rsmworkbench.model.live.internal.impl.ConnectionImpl#getSerial <em>Serial</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.internal.impl.ConnectionImpl#getImporterNode <em>Importer Node</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.internal.impl.ConnectionImpl#getImporterProcess <em>Importer Process</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.internal.impl.ConnectionImpl#getImporter <em>Importer</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.internal.impl.ConnectionImpl#getExporterNode <em>Exporter Node</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.internal.impl.ConnectionImpl#getSegmentId <em>Segment Id</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.internal.impl.ConnectionImpl#getSegment <em>Segment</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.internal.impl.ConnectionImpl#getPermission <em>Permission</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.internal.impl.ConnectionImpl#getGranted <em>Granted</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.internal.impl.ConnectionImpl#isAborted <em>Aborted</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.internal.impl.ConnectionImpl#isMapped <em>Mapped</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.internal.impl.ConnectionImpl#getBarrierMode <em>Barrier Mode</em>}</li>
 * </ul>
 *
 * @generated
 */
public class ConnectionImpl extends MinimalEObjectImpl.Container implements Connection {
	/**
	 * The default value of the '{@link #getSerial() <em>Serial</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSerial()
	 * @generated
	 * @ordered
	 */
	protected static final int SERIAL_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getSerial() <em>Serial</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSerial()
	 * @generated
	 * @ordered
	 */
	protected int serial = SERIAL_EDEFAULT;

	/**
	 * The default value of the '{@link #getImporterNode() <em>Importer Node</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getImporterNode()
	 * @generated
	 * @ordered
	 */
	protected static final int IMPORTER_NODE_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getImporterNode() <em>Importer Node</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getImporterNode()
	 * @generated
	 * @ordered
	 */
	protected int importerNode = IMPORTER_NODE_EDEFAULT;

	/**
	 * The default value of the '{@link #getImporterProcess() <em>Importer Process</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getImporterProcess()
	 * @generated
	 * @ordered
	 */
	protected static final int IMPORTER_PROCESS_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getImporterProcess() <em>Importer Process</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getImporterProcess()
	 * @generated
	 * @ordered
	 */
	protected int importerProcess = IMPORTER_PROCESS_EDEFAULT;

	/**
	 * The cached value of the '{@link #getImporter() <em>Importer</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getImporter()
	 * @generated
	 * @ordered
	 */
	protected LiveProcess importer;

	/**
	 * The default value of the '{@link #getExporterNode() <em>Exporter Node</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getExporterNode()
	 * @generated
	 * @ordered
	 */
	protected static final int EXPORTER_NODE_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getExporterNode() <em>Exporter Node</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getExporterNode()
	 * @generated
	 * @ordered
	 */
	protected int exporterNode = EXPORTER_NODE_EDEFAULT;

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
	 * The cached value of the '{@link #getSegment() <em>Segment</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSegment()
	 * @generated
	 * @ordered
	 */
	protected Segment segment;

	/**
	 * The default value of the '{@link #getPermission() <em>Permission</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPermission()
	 * @generated
	 * @ordered
	 */
	protected static final int PERMISSION_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getPermission() <em>Permission</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPermission()
	 * @generated
	 * @ordered
	 */
	protected int permission = PERMISSION_EDEFAULT;

	/**
	 * The default value of the '{@link #getGranted() <em>Granted</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getGranted()
	 * @generated
	 * @ordered
	 */
	protected static final int GRANTED_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getGranted() <em>Granted</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getGranted()
	 * @generated
	 * @ordered
	 */
	protected int granted = GRANTED_EDEFAULT;

	/**
	 * The default value of the '{@link #isAborted() <em>Aborted</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isAborted()
	 * @generated
	 * @ordered
	 */
	protected static final boolean ABORTED_EDEFAULT = false;

	/**
	 * The cached value of the '{@link #isAborted() <em>Aborted</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isAborted()
	 * @generated
	 * @ordered
	 */
	protected boolean aborted = ABORTED_EDEFAULT;

	/**
	 * The default value of the '{@link #isMapped() <em>Mapped</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isMapped()
	 * @generated
	 * @ordered
	 */
	protected static final boolean MAPPED_EDEFAULT = false;

	/**
	 * The cached value of the '{@link #isMapped() <em>Mapped</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isMapped()
	 * @generated
	 * @ordered
	 */
	protected boolean mapped = MAPPED_EDEFAULT;

	/**
	 * The default value of the '{@link #getBarrierMode() <em>Barrier Mode</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getBarrierMode()
	 * @generated
	 * @ordered
	 */
	protected static final BarrierMode BARRIER_MODE_EDEFAULT = BarrierMode.IMPLICIT;

	/**
	 * The cached value of the '{@link #getBarrierMode() <em>Barrier Mode</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getBarrierMode()
	 * @generated
	 * @ordered
	 */
	protected BarrierMode barrierMode = BARRIER_MODE_EDEFAULT;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected ConnectionImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return LivePackage.Literals.CONNECTION;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getSerial() {
		return serial;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSerial(int newSerial) {
		int oldSerial = serial;
		serial = newSerial;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LivePackage.CONNECTION__SERIAL, oldSerial, serial));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getImporterNode() {
		return importerNode;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setImporterNode(int newImporterNode) {
		int oldImporterNode = importerNode;
		importerNode = newImporterNode;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LivePackage.CONNECTION__IMPORTER_NODE, oldImporterNode, importerNode));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getImporterProcess() {
		return importerProcess;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setImporterProcess(int newImporterProcess) {
		int oldImporterProcess = importerProcess;
		importerProcess = newImporterProcess;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LivePackage.CONNECTION__IMPORTER_PROCESS, oldImporterProcess, importerProcess));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public LiveProcess getImporter() {
		if (importer != null && importer.eIsProxy()) {
			InternalEObject oldImporter = (InternalEObject)importer;
			importer = (LiveProcess)eResolveProxy(oldImporter);
			if (importer != oldImporter) {
				if (eNotificationRequired())
					eNotify(new ENotificationImpl(this, Notification.RESOLVE, LivePackage.CONNECTION__IMPORTER, oldImporter, importer));
			}
		}
		return importer;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public LiveProcess basicGetImporter() {
		return importer;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setImporter(LiveProcess newImporter) {
		LiveProcess oldImporter = importer;
		importer = newImporter;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LivePackage.CONNECTION__IMPORTER, oldImporter, importer));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getExporterNode() {
		return exporterNode;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setExporterNode(int newExporterNode) {
		int oldExporterNode = exporterNode;
		exporterNode = newExporterNode;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LivePackage.CONNECTION__EXPORTER_NODE, oldExporterNode, exporterNode));
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
			eNotify(new ENotificationImpl(this, Notification.SET, LivePackage.CONNECTION__SEGMENT_ID, oldSegmentId, segmentId));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Segment getSegment() {
		if (segment != null && segment.eIsProxy()) {
			InternalEObject oldSegment = (InternalEObject)segment;
			segment = (Segment)eResolveProxy(oldSegment);
			if (segment != oldSegment) {
				if (eNotificationRequired())
					eNotify(new ENotificationImpl(this, Notification.RESOLVE, LivePackage.CONNECTION__SEGMENT, oldSegment, segment));
			}
		}
		return segment;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public Segment basicGetSegment() {
		return segment;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSegment(Segment newSegment) {
		Segment oldSegment = segment;
		segment = newSegment;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LivePackage.CONNECTION__SEGMENT, oldSegment, segment));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getPermission() {
		return permission;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setPermission(int newPermission) {
		int oldPermission = permission;
		permission = newPermission;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LivePackage.CONNECTION__PERMISSION, oldPermission, permission));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getGranted() {
		return granted;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setGranted(int newGranted) {
		int oldGranted = granted;
		granted = newGranted;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LivePackage.CONNECTION__GRANTED, oldGranted, granted));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean isAborted() {
		return aborted;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setAborted(boolean newAborted) {
		boolean oldAborted = aborted;
		aborted = newAborted;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LivePackage.CONNECTION__ABORTED, oldAborted, aborted));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean isMapped() {
		return mapped;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setMapped(boolean newMapped) {
		boolean oldMapped = mapped;
		mapped = newMapped;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LivePackage.CONNECTION__MAPPED, oldMapped, mapped));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public BarrierMode getBarrierMode() {
		return barrierMode;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setBarrierMode(BarrierMode newBarrierMode) {
		BarrierMode oldBarrierMode = barrierMode;
		barrierMode = newBarrierMode == null ? BARRIER_MODE_EDEFAULT : newBarrierMode;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LivePackage.CONNECTION__BARRIER_MODE, oldBarrierMode, barrierMode));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case LivePackage.CONNECTION__SERIAL:
				return getSerial();
			case LivePackage.CONNECTION__IMPORTER_NODE:
				return getImporterNode();
			case LivePackage.CONNECTION__IMPORTER_PROCESS:
				return getImporterProcess();
			case LivePackage.CONNECTION__IMPORTER:
				if (resolve) return getImporter();
				return basicGetImporter();
			case LivePackage.CONNECTION__EXPORTER_NODE:
				return getExporterNode();
			case LivePackage.CONNECTION__SEGMENT_ID:
				return getSegmentId();
			case LivePackage.CONNECTION__SEGMENT:
				if (resolve) return getSegment();
				return basicGetSegment();
			case LivePackage.CONNECTION__PERMISSION:
				return getPermission();
			case LivePackage.CONNECTION__GRANTED:
				return getGranted();
			case LivePackage.CONNECTION__ABORTED:
				return isAborted();
			case LivePackage.CONNECTION__MAPPED:
				return isMapped();
			case LivePackage.CONNECTION__BARRIER_MODE:
				return getBarrierMode();
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
			case LivePackage.CONNECTION__SERIAL:
				setSerial((Integer)newValue);
				return;
			case LivePackage.CONNECTION__IMPORTER_NODE:
				setImporterNode((Integer)newValue);
				return;
			case LivePackage.CONNECTION__IMPORTER_PROCESS:
				setImporterProcess((Integer)newValue);
				return;
			case LivePackage.CONNECTION__IMPORTER:
				setImporter((LiveProcess)newValue);
				return;
			case LivePackage.CONNECTION__EXPORTER_NODE:
				setExporterNode((Integer)newValue);
				return;
			case LivePackage.CONNECTION__SEGMENT_ID:
				setSegmentId((Integer)newValue);
				return;
			case LivePackage.CONNECTION__SEGMENT:
				setSegment((Segment)newValue);
				return;
			case LivePackage.CONNECTION__PERMISSION:
				setPermission((Integer)newValue);
				return;
			case LivePackage.CONNECTION__GRANTED:
				setGranted((Integer)newValue);
				return;
			case LivePackage.CONNECTION__ABORTED:
				setAborted((Boolean)newValue);
				return;
			case LivePackage.CONNECTION__MAPPED:
				setMapped((Boolean)newValue);
				return;
			case LivePackage.CONNECTION__BARRIER_MODE:
				setBarrierMode((BarrierMode)newValue);
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
			case LivePackage.CONNECTION__SERIAL:
				setSerial(SERIAL_EDEFAULT);
				return;
			case LivePackage.CONNECTION__IMPORTER_NODE:
				setImporterNode(IMPORTER_NODE_EDEFAULT);
				return;
			case LivePackage.CONNECTION__IMPORTER_PROCESS:
				setImporterProcess(IMPORTER_PROCESS_EDEFAULT);
				return;
			case LivePackage.CONNECTION__IMPORTER:
				setImporter((LiveProcess)null);
				return;
			case LivePackage.CONNECTION__EXPORTER_NODE:
				setExporterNode(EXPORTER_NODE_EDEFAULT);
				return;
			case LivePackage.CONNECTION__SEGMENT_ID:
				setSegmentId(SEGMENT_ID_EDEFAULT);
				return;
			case LivePackage.CONNECTION__SEGMENT:
				setSegment((Segment)null);
				return;
			case LivePackage.CONNECTION__PERMISSION:
				setPermission(PERMISSION_EDEFAULT);
				return;
			case LivePackage.CONNECTION__GRANTED:
				setGranted(GRANTED_EDEFAULT);
				return;
			case LivePackage.CONNECTION__ABORTED:
				setAborted(ABORTED_EDEFAULT);
				return;
			case LivePackage.CONNECTION__MAPPED:
				setMapped(MAPPED_EDEFAULT);
				return;
			case LivePackage.CONNECTION__BARRIER_MODE:
				setBarrierMode(BARRIER_MODE_EDEFAULT);
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
			case LivePackage.CONNECTION__SERIAL:
				return serial != SERIAL_EDEFAULT;
			case LivePackage.CONNECTION__IMPORTER_NODE:
				return importerNode != IMPORTER_NODE_EDEFAULT;
			case LivePackage.CONNECTION__IMPORTER_PROCESS:
				return importerProcess != IMPORTER_PROCESS_EDEFAULT;
			case LivePackage.CONNECTION__IMPORTER:
				return importer != null;
			case LivePackage.CONNECTION__EXPORTER_NODE:
				return exporterNode != EXPORTER_NODE_EDEFAULT;
			case LivePackage.CONNECTION__SEGMENT_ID:
				return segmentId != SEGMENT_ID_EDEFAULT;
			case LivePackage.CONNECTION__SEGMENT:
				return segment != null;
			case LivePackage.CONNECTION__PERMISSION:
				return permission != PERMISSION_EDEFAULT;
			case LivePackage.CONNECTION__GRANTED:
				return granted != GRANTED_EDEFAULT;
			case LivePackage.CONNECTION__ABORTED:
				return aborted != ABORTED_EDEFAULT;
			case LivePackage.CONNECTION__MAPPED:
				return mapped != MAPPED_EDEFAULT;
			case LivePackage.CONNECTION__BARRIER_MODE:
				return barrierMode != BARRIER_MODE_EDEFAULT;
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
		result.append(" (serial: ");
		result.append(serial);
		result.append(", importerNode: ");
		result.append(importerNode);
		result.append(", importerProcess: ");
		result.append(importerProcess);
		result.append(", exporterNode: ");
		result.append(exporterNode);
		result.append(", segmentId: ");
		result.append(segmentId);
		result.append(", permission: ");
		result.append(permission);
		result.append(", granted: ");
		result.append(granted);
		result.append(", aborted: ");
		result.append(aborted);
		result.append(", mapped: ");
		result.append(mapped);
		result.append(", barrierMode: ");
		result.append(barrierMode);
		result.append(')');
		return result.toString();
	}

} //ConnectionImpl
