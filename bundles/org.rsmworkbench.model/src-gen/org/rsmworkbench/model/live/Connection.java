/**
 * Copyright (c) 2026 RSM Workbench contributors
 * SPDX-License-Identifier: EPL-2.0
 */
package org.rsmworkbench.model.live;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Connection</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.rsmworkbench.model.live.Connection#getSerial <em>Serial</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.Connection#getImporterNode <em>Importer Node</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.Connection#getImporterProcess <em>Importer Process</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.Connection#getImporter <em>Importer</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.Connection#getExporterNode <em>Exporter Node</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.Connection#getSegmentId <em>Segment Id</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.Connection#getSegment <em>Segment</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.Connection#getPermission <em>Permission</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.Connection#getGranted <em>Granted</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.Connection#isAborted <em>Aborted</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.Connection#isMapped <em>Mapped</em>}</li>
 *   <li>{@link org.rsmworkbench.model.live.Connection#getBarrierMode <em>Barrier Mode</em>}</li>
 * </ul>
 *
 * @see org.rsmworkbench.model.live.LivePackage#getConnection()
 * @model
 * @generated
 */
public interface Connection extends EObject {
	/**
	 * Returns the value of the '<em><b>Serial</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Serial</em>' attribute.
	 * @see #setSerial(int)
	 * @see org.rsmworkbench.model.live.LivePackage#getConnection_Serial()
	 * @model
	 * @generated
	 */
	int getSerial();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.Connection#getSerial <em>Serial</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Serial</em>' attribute.
	 * @see #getSerial()
	 * @generated
	 */
	void setSerial(int value);

	/**
	 * Returns the value of the '<em><b>Importer Node</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Importer Node</em>' attribute.
	 * @see #setImporterNode(int)
	 * @see org.rsmworkbench.model.live.LivePackage#getConnection_ImporterNode()
	 * @model
	 * @generated
	 */
	int getImporterNode();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.Connection#getImporterNode <em>Importer Node</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Importer Node</em>' attribute.
	 * @see #getImporterNode()
	 * @generated
	 */
	void setImporterNode(int value);

	/**
	 * Returns the value of the '<em><b>Importer Process</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Importer Process</em>' attribute.
	 * @see #setImporterProcess(int)
	 * @see org.rsmworkbench.model.live.LivePackage#getConnection_ImporterProcess()
	 * @model
	 * @generated
	 */
	int getImporterProcess();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.Connection#getImporterProcess <em>Importer Process</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Importer Process</em>' attribute.
	 * @see #getImporterProcess()
	 * @generated
	 */
	void setImporterProcess(int value);

	/**
	 * Returns the value of the '<em><b>Importer</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Importer</em>' reference.
	 * @see #setImporter(LiveProcess)
	 * @see org.rsmworkbench.model.live.LivePackage#getConnection_Importer()
	 * @model
	 * @generated
	 */
	LiveProcess getImporter();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.Connection#getImporter <em>Importer</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Importer</em>' reference.
	 * @see #getImporter()
	 * @generated
	 */
	void setImporter(LiveProcess value);

	/**
	 * Returns the value of the '<em><b>Exporter Node</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Exporter Node</em>' attribute.
	 * @see #setExporterNode(int)
	 * @see org.rsmworkbench.model.live.LivePackage#getConnection_ExporterNode()
	 * @model
	 * @generated
	 */
	int getExporterNode();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.Connection#getExporterNode <em>Exporter Node</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Exporter Node</em>' attribute.
	 * @see #getExporterNode()
	 * @generated
	 */
	void setExporterNode(int value);

	/**
	 * Returns the value of the '<em><b>Segment Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Segment Id</em>' attribute.
	 * @see #setSegmentId(int)
	 * @see org.rsmworkbench.model.live.LivePackage#getConnection_SegmentId()
	 * @model
	 * @generated
	 */
	int getSegmentId();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.Connection#getSegmentId <em>Segment Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Segment Id</em>' attribute.
	 * @see #getSegmentId()
	 * @generated
	 */
	void setSegmentId(int value);

	/**
	 * Returns the value of the '<em><b>Segment</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The exported segment, while it is in the snapshot.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Segment</em>' reference.
	 * @see #setSegment(Segment)
	 * @see org.rsmworkbench.model.live.LivePackage#getConnection_Segment()
	 * @model
	 * @generated
	 */
	Segment getSegment();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.Connection#getSegment <em>Segment</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Segment</em>' reference.
	 * @see #getSegment()
	 * @generated
	 */
	void setSegment(Segment value);

	/**
	 * Returns the value of the '<em><b>Permission</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Permission</em>' attribute.
	 * @see #setPermission(int)
	 * @see org.rsmworkbench.model.live.LivePackage#getConnection_Permission()
	 * @model dataType="org.rsmworkbench.model.cluster.OctalMode"
	 * @generated
	 */
	int getPermission();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.Connection#getPermission <em>Permission</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Permission</em>' attribute.
	 * @see #getPermission()
	 * @generated
	 */
	void setPermission(int value);

	/**
	 * Returns the value of the '<em><b>Granted</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Granted</em>' attribute.
	 * @see #setGranted(int)
	 * @see org.rsmworkbench.model.live.LivePackage#getConnection_Granted()
	 * @model dataType="org.rsmworkbench.model.cluster.OctalMode"
	 * @generated
	 */
	int getGranted();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.Connection#getGranted <em>Granted</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Granted</em>' attribute.
	 * @see #getGranted()
	 * @generated
	 */
	void setGranted(int value);

	/**
	 * Returns the value of the '<em><b>Aborted</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Aborted</em>' attribute.
	 * @see #setAborted(boolean)
	 * @see org.rsmworkbench.model.live.LivePackage#getConnection_Aborted()
	 * @model
	 * @generated
	 */
	boolean isAborted();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.Connection#isAborted <em>Aborted</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Aborted</em>' attribute.
	 * @see #isAborted()
	 * @generated
	 */
	void setAborted(boolean value);

	/**
	 * Returns the value of the '<em><b>Mapped</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Mapped</em>' attribute.
	 * @see #setMapped(boolean)
	 * @see org.rsmworkbench.model.live.LivePackage#getConnection_Mapped()
	 * @model
	 * @generated
	 */
	boolean isMapped();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.Connection#isMapped <em>Mapped</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Mapped</em>' attribute.
	 * @see #isMapped()
	 * @generated
	 */
	void setMapped(boolean value);

	/**
	 * Returns the value of the '<em><b>Barrier Mode</b></em>' attribute.
	 * The default value is <code>"IMPLICIT"</code>.
	 * The literals are from the enumeration {@link org.rsmworkbench.model.live.BarrierMode}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Barrier Mode</em>' attribute.
	 * @see org.rsmworkbench.model.live.BarrierMode
	 * @see #setBarrierMode(BarrierMode)
	 * @see org.rsmworkbench.model.live.LivePackage#getConnection_BarrierMode()
	 * @model default="IMPLICIT"
	 * @generated
	 */
	BarrierMode getBarrierMode();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.live.Connection#getBarrierMode <em>Barrier Mode</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Barrier Mode</em>' attribute.
	 * @see org.rsmworkbench.model.live.BarrierMode
	 * @see #getBarrierMode()
	 * @generated
	 */
	void setBarrierMode(BarrierMode value);

} // Connection
