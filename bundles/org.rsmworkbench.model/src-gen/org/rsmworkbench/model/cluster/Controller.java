/**
 * Copyright (c) 2026 RSM Workbench contributors
 * SPDX-License-Identifier: EPL-2.0
 */
package org.rsmworkbench.model.cluster;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Controller</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * An RSM controller (adapter) of a node, named <type><unit> (e.g. emu0), with the attributes that rsm_get_controller_attr reports (RSMAPI.md 6).
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.rsmworkbench.model.cluster.Controller#getName <em>Name</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.Controller#getNode <em>Node</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.Controller#getDirectAccessSizes <em>Direct Access Sizes</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.Controller#getAtomicSizes <em>Atomic Sizes</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.Controller#getPageSize <em>Page Size</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.Controller#getMaxExportSegmentSize <em>Max Export Segment Size</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.Controller#getTotalExportSegmentSize <em>Total Export Segment Size</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.Controller#getMaxExportSegments <em>Max Export Segments</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.Controller#getMaxImportMapSize <em>Max Import Map Size</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.Controller#getTotalImportMapSize <em>Total Import Map Size</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.Controller#getMaxImportSegments <em>Max Import Segments</em>}</li>
 * </ul>
 *
 * @see org.rsmworkbench.model.cluster.ClusterPackage#getController()
 * @model annotation="http://www.eclipse.org/emf/2002/Ecore constraints='wellFormedName'"
 * @generated
 */
public interface Controller extends EObject {
	/**
	 * Returns the value of the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Name</em>' attribute.
	 * @see #setName(String)
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getController_Name()
	 * @model required="true"
	 * @generated
	 */
	String getName();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.cluster.Controller#getName <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Name</em>' attribute.
	 * @see #getName()
	 * @generated
	 */
	void setName(String value);

	/**
	 * Returns the value of the '<em><b>Node</b></em>' container reference.
	 * It is bidirectional and its opposite is '{@link org.rsmworkbench.model.cluster.Node#getControllers <em>Controllers</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Node</em>' container reference.
	 * @see #setNode(Node)
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getController_Node()
	 * @see org.rsmworkbench.model.cluster.Node#getControllers
	 * @model opposite="controllers"
	 * @generated
	 */
	Node getNode();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.cluster.Controller#getNode <em>Node</em>}' container reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Node</em>' container reference.
	 * @see #getNode()
	 * @generated
	 */
	void setNode(Node value);

	/**
	 * Returns the value of the '<em><b>Direct Access Sizes</b></em>' attribute.
	 * The default value is <code>"15"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Direct Access Sizes</em>' attribute.
	 * @see #setDirectAccessSizes(int)
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getController_DirectAccessSizes()
	 * @model default="15"
	 * @generated
	 */
	int getDirectAccessSizes();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.cluster.Controller#getDirectAccessSizes <em>Direct Access Sizes</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Direct Access Sizes</em>' attribute.
	 * @see #getDirectAccessSizes()
	 * @generated
	 */
	void setDirectAccessSizes(int value);

	/**
	 * Returns the value of the '<em><b>Atomic Sizes</b></em>' attribute.
	 * The default value is <code>"0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Atomic Sizes</em>' attribute.
	 * @see #setAtomicSizes(int)
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getController_AtomicSizes()
	 * @model default="0"
	 * @generated
	 */
	int getAtomicSizes();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.cluster.Controller#getAtomicSizes <em>Atomic Sizes</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Atomic Sizes</em>' attribute.
	 * @see #getAtomicSizes()
	 * @generated
	 */
	void setAtomicSizes(int value);

	/**
	 * Returns the value of the '<em><b>Page Size</b></em>' attribute.
	 * The default value is <code>"4096"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Page Size</em>' attribute.
	 * @see #setPageSize(long)
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getController_PageSize()
	 * @model default="4096"
	 * @generated
	 */
	long getPageSize();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.cluster.Controller#getPageSize <em>Page Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Page Size</em>' attribute.
	 * @see #getPageSize()
	 * @generated
	 */
	void setPageSize(long value);

	/**
	 * Returns the value of the '<em><b>Max Export Segment Size</b></em>' attribute.
	 * The default value is <code>"1073741824"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Max Export Segment Size</em>' attribute.
	 * @see #setMaxExportSegmentSize(long)
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getController_MaxExportSegmentSize()
	 * @model default="1073741824"
	 * @generated
	 */
	long getMaxExportSegmentSize();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.cluster.Controller#getMaxExportSegmentSize <em>Max Export Segment Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Max Export Segment Size</em>' attribute.
	 * @see #getMaxExportSegmentSize()
	 * @generated
	 */
	void setMaxExportSegmentSize(long value);

	/**
	 * Returns the value of the '<em><b>Total Export Segment Size</b></em>' attribute.
	 * The default value is <code>"8589934592"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Total Export Segment Size</em>' attribute.
	 * @see #setTotalExportSegmentSize(long)
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getController_TotalExportSegmentSize()
	 * @model default="8589934592"
	 * @generated
	 */
	long getTotalExportSegmentSize();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.cluster.Controller#getTotalExportSegmentSize <em>Total Export Segment Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Total Export Segment Size</em>' attribute.
	 * @see #getTotalExportSegmentSize()
	 * @generated
	 */
	void setTotalExportSegmentSize(long value);

	/**
	 * Returns the value of the '<em><b>Max Export Segments</b></em>' attribute.
	 * The default value is <code>"4095"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Max Export Segments</em>' attribute.
	 * @see #setMaxExportSegments(long)
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getController_MaxExportSegments()
	 * @model default="4095"
	 * @generated
	 */
	long getMaxExportSegments();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.cluster.Controller#getMaxExportSegments <em>Max Export Segments</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Max Export Segments</em>' attribute.
	 * @see #getMaxExportSegments()
	 * @generated
	 */
	void setMaxExportSegments(long value);

	/**
	 * Returns the value of the '<em><b>Max Import Map Size</b></em>' attribute.
	 * The default value is <code>"1073741824"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Max Import Map Size</em>' attribute.
	 * @see #setMaxImportMapSize(long)
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getController_MaxImportMapSize()
	 * @model default="1073741824"
	 * @generated
	 */
	long getMaxImportMapSize();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.cluster.Controller#getMaxImportMapSize <em>Max Import Map Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Max Import Map Size</em>' attribute.
	 * @see #getMaxImportMapSize()
	 * @generated
	 */
	void setMaxImportMapSize(long value);

	/**
	 * Returns the value of the '<em><b>Total Import Map Size</b></em>' attribute.
	 * The default value is <code>"8589934592"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Total Import Map Size</em>' attribute.
	 * @see #setTotalImportMapSize(long)
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getController_TotalImportMapSize()
	 * @model default="8589934592"
	 * @generated
	 */
	long getTotalImportMapSize();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.cluster.Controller#getTotalImportMapSize <em>Total Import Map Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Total Import Map Size</em>' attribute.
	 * @see #getTotalImportMapSize()
	 * @generated
	 */
	void setTotalImportMapSize(long value);

	/**
	 * Returns the value of the '<em><b>Max Import Segments</b></em>' attribute.
	 * The default value is <code>"4095"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Max Import Segments</em>' attribute.
	 * @see #setMaxImportSegments(long)
	 * @see org.rsmworkbench.model.cluster.ClusterPackage#getController_MaxImportSegments()
	 * @model default="4095"
	 * @generated
	 */
	long getMaxImportSegments();

	/**
	 * Sets the value of the '{@link org.rsmworkbench.model.cluster.Controller#getMaxImportSegments <em>Max Import Segments</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Max Import Segments</em>' attribute.
	 * @see #getMaxImportSegments()
	 * @generated
	 */
	void setMaxImportSegments(long value);

} // Controller
