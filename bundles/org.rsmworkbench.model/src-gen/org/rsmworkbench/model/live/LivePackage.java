/**
 * Copyright (c) 2026 RSM Workbench contributors
 * SPDX-License-Identifier: EPL-2.0
 */
package org.rsmworkbench.model.live;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EReference;

/**
 * <!-- begin-user-doc -->
 * The <b>Package</b> for the model.
 * It contains accessors for the meta objects to represent
 * <ul>
 *   <li>each class,</li>
 *   <li>each feature of each class,</li>
 *   <li>each operation of each class,</li>
 *   <li>each enum,</li>
 *   <li>and each data type</li>
 * </ul>
 * <!-- end-user-doc -->
 * <!-- begin-model-doc -->
 * The live state of a running emulated cluster, refreshed from EmulatedCluster.state(): nodes up or down with their processes, export segments and import connections.
 * <!-- end-model-doc -->
 * @see org.rsmworkbench.model.live.LiveFactory
 * @model kind="package"
 * @generated
 */
public interface LivePackage extends EPackage {
	/**
	 * The package name.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNAME = "live";

	/**
	 * The package namespace URI.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNS_URI = "http://www.rsmworkbench.org/model/live/1.0";

	/**
	 * The package namespace name.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNS_PREFIX = "rsmlive";

	/**
	 * The singleton instance of the package.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	LivePackage eINSTANCE = org.rsmworkbench.model.live.internal.impl.LivePackageImpl.init();

	/**
	 * The meta object id for the '{@link org.rsmworkbench.model.live.internal.impl.LiveClusterImpl <em>Cluster</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.rsmworkbench.model.live.internal.impl.LiveClusterImpl
	 * @see org.rsmworkbench.model.live.internal.impl.LivePackageImpl#getLiveCluster()
	 * @generated
	 */
	int LIVE_CLUSTER = 0;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LIVE_CLUSTER__NAME = 0;

	/**
	 * The feature id for the '<em><b>Version</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LIVE_CLUSTER__VERSION = 1;

	/**
	 * The feature id for the '<em><b>Nodes</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LIVE_CLUSTER__NODES = 2;

	/**
	 * The feature id for the '<em><b>Links</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LIVE_CLUSTER__LINKS = 3;

	/**
	 * The number of structural features of the '<em>Cluster</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LIVE_CLUSTER_FEATURE_COUNT = 4;

	/**
	 * The number of operations of the '<em>Cluster</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LIVE_CLUSTER_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.rsmworkbench.model.live.internal.impl.LiveNodeImpl <em>Node</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.rsmworkbench.model.live.internal.impl.LiveNodeImpl
	 * @see org.rsmworkbench.model.live.internal.impl.LivePackageImpl#getLiveNode()
	 * @generated
	 */
	int LIVE_NODE = 1;

	/**
	 * The feature id for the '<em><b>Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LIVE_NODE__ID = 0;

	/**
	 * The feature id for the '<em><b>Hostname</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LIVE_NODE__HOSTNAME = 1;

	/**
	 * The feature id for the '<em><b>Up</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LIVE_NODE__UP = 2;

	/**
	 * The feature id for the '<em><b>Processes</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LIVE_NODE__PROCESSES = 3;

	/**
	 * The feature id for the '<em><b>Segments</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LIVE_NODE__SEGMENTS = 4;

	/**
	 * The feature id for the '<em><b>Connections</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LIVE_NODE__CONNECTIONS = 5;

	/**
	 * The number of structural features of the '<em>Node</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LIVE_NODE_FEATURE_COUNT = 6;

	/**
	 * The number of operations of the '<em>Node</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LIVE_NODE_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.rsmworkbench.model.live.internal.impl.LiveProcessImpl <em>Process</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.rsmworkbench.model.live.internal.impl.LiveProcessImpl
	 * @see org.rsmworkbench.model.live.internal.impl.LivePackageImpl#getLiveProcess()
	 * @generated
	 */
	int LIVE_PROCESS = 2;

	/**
	 * The feature id for the '<em><b>Serial</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LIVE_PROCESS__SERIAL = 0;

	/**
	 * The feature id for the '<em><b>Pid</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LIVE_PROCESS__PID = 1;

	/**
	 * The feature id for the '<em><b>Credentials</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LIVE_PROCESS__CREDENTIALS = 2;

	/**
	 * The number of structural features of the '<em>Process</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LIVE_PROCESS_FEATURE_COUNT = 3;

	/**
	 * The number of operations of the '<em>Process</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LIVE_PROCESS_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.rsmworkbench.model.live.internal.impl.LiveLinkImpl <em>Link</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.rsmworkbench.model.live.internal.impl.LiveLinkImpl
	 * @see org.rsmworkbench.model.live.internal.impl.LivePackageImpl#getLiveLink()
	 * @generated
	 */
	int LIVE_LINK = 3;

	/**
	 * The feature id for the '<em><b>Node A</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LIVE_LINK__NODE_A = 0;

	/**
	 * The feature id for the '<em><b>Controller A</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LIVE_LINK__CONTROLLER_A = 1;

	/**
	 * The feature id for the '<em><b>Node B</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LIVE_LINK__NODE_B = 2;

	/**
	 * The feature id for the '<em><b>Controller B</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LIVE_LINK__CONTROLLER_B = 3;

	/**
	 * The feature id for the '<em><b>Up</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LIVE_LINK__UP = 4;

	/**
	 * The number of structural features of the '<em>Link</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LIVE_LINK_FEATURE_COUNT = 5;

	/**
	 * The number of operations of the '<em>Link</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LIVE_LINK_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.rsmworkbench.model.live.internal.impl.SegmentImpl <em>Segment</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.rsmworkbench.model.live.internal.impl.SegmentImpl
	 * @see org.rsmworkbench.model.live.internal.impl.LivePackageImpl#getSegment()
	 * @generated
	 */
	int SEGMENT = 4;

	/**
	 * The feature id for the '<em><b>Segment Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SEGMENT__SEGMENT_ID = 0;

	/**
	 * The feature id for the '<em><b>Owner Node</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SEGMENT__OWNER_NODE = 1;

	/**
	 * The feature id for the '<em><b>Owner Process</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SEGMENT__OWNER_PROCESS = 2;

	/**
	 * The feature id for the '<em><b>Owner</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SEGMENT__OWNER = 3;

	/**
	 * The feature id for the '<em><b>Controller</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SEGMENT__CONTROLLER = 4;

	/**
	 * The feature id for the '<em><b>Size</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SEGMENT__SIZE = 5;

	/**
	 * The feature id for the '<em><b>State</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SEGMENT__STATE = 6;

	/**
	 * The feature id for the '<em><b>Acl</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SEGMENT__ACL = 7;

	/**
	 * The feature id for the '<em><b>Creator Uid</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SEGMENT__CREATOR_UID = 8;

	/**
	 * The feature id for the '<em><b>Creator Gid</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SEGMENT__CREATOR_GID = 9;

	/**
	 * The feature id for the '<em><b>Mode</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SEGMENT__MODE = 10;

	/**
	 * The feature id for the '<em><b>Publish Count</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SEGMENT__PUBLISH_COUNT = 11;

	/**
	 * The number of structural features of the '<em>Segment</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SEGMENT_FEATURE_COUNT = 12;

	/**
	 * The number of operations of the '<em>Segment</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SEGMENT_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.rsmworkbench.model.live.internal.impl.ConnectionImpl <em>Connection</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.rsmworkbench.model.live.internal.impl.ConnectionImpl
	 * @see org.rsmworkbench.model.live.internal.impl.LivePackageImpl#getConnection()
	 * @generated
	 */
	int CONNECTION = 5;

	/**
	 * The feature id for the '<em><b>Serial</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CONNECTION__SERIAL = 0;

	/**
	 * The feature id for the '<em><b>Importer Node</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CONNECTION__IMPORTER_NODE = 1;

	/**
	 * The feature id for the '<em><b>Importer Process</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CONNECTION__IMPORTER_PROCESS = 2;

	/**
	 * The feature id for the '<em><b>Importer</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CONNECTION__IMPORTER = 3;

	/**
	 * The feature id for the '<em><b>Exporter Node</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CONNECTION__EXPORTER_NODE = 4;

	/**
	 * The feature id for the '<em><b>Segment Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CONNECTION__SEGMENT_ID = 5;

	/**
	 * The feature id for the '<em><b>Segment</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CONNECTION__SEGMENT = 6;

	/**
	 * The feature id for the '<em><b>Permission</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CONNECTION__PERMISSION = 7;

	/**
	 * The feature id for the '<em><b>Granted</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CONNECTION__GRANTED = 8;

	/**
	 * The feature id for the '<em><b>Aborted</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CONNECTION__ABORTED = 9;

	/**
	 * The feature id for the '<em><b>Mapped</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CONNECTION__MAPPED = 10;

	/**
	 * The feature id for the '<em><b>Barrier Mode</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CONNECTION__BARRIER_MODE = 11;

	/**
	 * The number of structural features of the '<em>Connection</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CONNECTION_FEATURE_COUNT = 12;

	/**
	 * The number of operations of the '<em>Connection</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CONNECTION_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.rsmworkbench.model.live.SegmentState <em>Segment State</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.rsmworkbench.model.live.SegmentState
	 * @see org.rsmworkbench.model.live.internal.impl.LivePackageImpl#getSegmentState()
	 * @generated
	 */
	int SEGMENT_STATE = 6;

	/**
	 * The meta object id for the '{@link org.rsmworkbench.model.live.BarrierMode <em>Barrier Mode</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.rsmworkbench.model.live.BarrierMode
	 * @see org.rsmworkbench.model.live.internal.impl.LivePackageImpl#getBarrierMode()
	 * @generated
	 */
	int BARRIER_MODE = 7;


	/**
	 * Returns the meta object for class '{@link org.rsmworkbench.model.live.LiveCluster <em>Cluster</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Cluster</em>'.
	 * @see org.rsmworkbench.model.live.LiveCluster
	 * @generated
	 */
	EClass getLiveCluster();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.LiveCluster#getName <em>Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Name</em>'.
	 * @see org.rsmworkbench.model.live.LiveCluster#getName()
	 * @see #getLiveCluster()
	 * @generated
	 */
	EAttribute getLiveCluster_Name();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.LiveCluster#getVersion <em>Version</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Version</em>'.
	 * @see org.rsmworkbench.model.live.LiveCluster#getVersion()
	 * @see #getLiveCluster()
	 * @generated
	 */
	EAttribute getLiveCluster_Version();

	/**
	 * Returns the meta object for the containment reference list '{@link org.rsmworkbench.model.live.LiveCluster#getNodes <em>Nodes</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Nodes</em>'.
	 * @see org.rsmworkbench.model.live.LiveCluster#getNodes()
	 * @see #getLiveCluster()
	 * @generated
	 */
	EReference getLiveCluster_Nodes();

	/**
	 * Returns the meta object for the containment reference list '{@link org.rsmworkbench.model.live.LiveCluster#getLinks <em>Links</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Links</em>'.
	 * @see org.rsmworkbench.model.live.LiveCluster#getLinks()
	 * @see #getLiveCluster()
	 * @generated
	 */
	EReference getLiveCluster_Links();

	/**
	 * Returns the meta object for class '{@link org.rsmworkbench.model.live.LiveNode <em>Node</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Node</em>'.
	 * @see org.rsmworkbench.model.live.LiveNode
	 * @generated
	 */
	EClass getLiveNode();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.LiveNode#getId <em>Id</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Id</em>'.
	 * @see org.rsmworkbench.model.live.LiveNode#getId()
	 * @see #getLiveNode()
	 * @generated
	 */
	EAttribute getLiveNode_Id();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.LiveNode#getHostname <em>Hostname</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Hostname</em>'.
	 * @see org.rsmworkbench.model.live.LiveNode#getHostname()
	 * @see #getLiveNode()
	 * @generated
	 */
	EAttribute getLiveNode_Hostname();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.LiveNode#isUp <em>Up</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Up</em>'.
	 * @see org.rsmworkbench.model.live.LiveNode#isUp()
	 * @see #getLiveNode()
	 * @generated
	 */
	EAttribute getLiveNode_Up();

	/**
	 * Returns the meta object for the containment reference list '{@link org.rsmworkbench.model.live.LiveNode#getProcesses <em>Processes</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Processes</em>'.
	 * @see org.rsmworkbench.model.live.LiveNode#getProcesses()
	 * @see #getLiveNode()
	 * @generated
	 */
	EReference getLiveNode_Processes();

	/**
	 * Returns the meta object for the containment reference list '{@link org.rsmworkbench.model.live.LiveNode#getSegments <em>Segments</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Segments</em>'.
	 * @see org.rsmworkbench.model.live.LiveNode#getSegments()
	 * @see #getLiveNode()
	 * @generated
	 */
	EReference getLiveNode_Segments();

	/**
	 * Returns the meta object for the containment reference list '{@link org.rsmworkbench.model.live.LiveNode#getConnections <em>Connections</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Connections</em>'.
	 * @see org.rsmworkbench.model.live.LiveNode#getConnections()
	 * @see #getLiveNode()
	 * @generated
	 */
	EReference getLiveNode_Connections();

	/**
	 * Returns the meta object for class '{@link org.rsmworkbench.model.live.LiveProcess <em>Process</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Process</em>'.
	 * @see org.rsmworkbench.model.live.LiveProcess
	 * @generated
	 */
	EClass getLiveProcess();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.LiveProcess#getSerial <em>Serial</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Serial</em>'.
	 * @see org.rsmworkbench.model.live.LiveProcess#getSerial()
	 * @see #getLiveProcess()
	 * @generated
	 */
	EAttribute getLiveProcess_Serial();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.LiveProcess#getPid <em>Pid</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Pid</em>'.
	 * @see org.rsmworkbench.model.live.LiveProcess#getPid()
	 * @see #getLiveProcess()
	 * @generated
	 */
	EAttribute getLiveProcess_Pid();

	/**
	 * Returns the meta object for the containment reference '{@link org.rsmworkbench.model.live.LiveProcess#getCredentials <em>Credentials</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Credentials</em>'.
	 * @see org.rsmworkbench.model.live.LiveProcess#getCredentials()
	 * @see #getLiveProcess()
	 * @generated
	 */
	EReference getLiveProcess_Credentials();

	/**
	 * Returns the meta object for class '{@link org.rsmworkbench.model.live.LiveLink <em>Link</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Link</em>'.
	 * @see org.rsmworkbench.model.live.LiveLink
	 * @generated
	 */
	EClass getLiveLink();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.LiveLink#getNodeA <em>Node A</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Node A</em>'.
	 * @see org.rsmworkbench.model.live.LiveLink#getNodeA()
	 * @see #getLiveLink()
	 * @generated
	 */
	EAttribute getLiveLink_NodeA();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.LiveLink#getControllerA <em>Controller A</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Controller A</em>'.
	 * @see org.rsmworkbench.model.live.LiveLink#getControllerA()
	 * @see #getLiveLink()
	 * @generated
	 */
	EAttribute getLiveLink_ControllerA();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.LiveLink#getNodeB <em>Node B</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Node B</em>'.
	 * @see org.rsmworkbench.model.live.LiveLink#getNodeB()
	 * @see #getLiveLink()
	 * @generated
	 */
	EAttribute getLiveLink_NodeB();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.LiveLink#getControllerB <em>Controller B</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Controller B</em>'.
	 * @see org.rsmworkbench.model.live.LiveLink#getControllerB()
	 * @see #getLiveLink()
	 * @generated
	 */
	EAttribute getLiveLink_ControllerB();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.LiveLink#isUp <em>Up</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Up</em>'.
	 * @see org.rsmworkbench.model.live.LiveLink#isUp()
	 * @see #getLiveLink()
	 * @generated
	 */
	EAttribute getLiveLink_Up();

	/**
	 * Returns the meta object for class '{@link org.rsmworkbench.model.live.Segment <em>Segment</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Segment</em>'.
	 * @see org.rsmworkbench.model.live.Segment
	 * @generated
	 */
	EClass getSegment();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.Segment#getSegmentId <em>Segment Id</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Segment Id</em>'.
	 * @see org.rsmworkbench.model.live.Segment#getSegmentId()
	 * @see #getSegment()
	 * @generated
	 */
	EAttribute getSegment_SegmentId();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.Segment#getOwnerNode <em>Owner Node</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Owner Node</em>'.
	 * @see org.rsmworkbench.model.live.Segment#getOwnerNode()
	 * @see #getSegment()
	 * @generated
	 */
	EAttribute getSegment_OwnerNode();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.Segment#getOwnerProcess <em>Owner Process</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Owner Process</em>'.
	 * @see org.rsmworkbench.model.live.Segment#getOwnerProcess()
	 * @see #getSegment()
	 * @generated
	 */
	EAttribute getSegment_OwnerProcess();

	/**
	 * Returns the meta object for the reference '{@link org.rsmworkbench.model.live.Segment#getOwner <em>Owner</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference '<em>Owner</em>'.
	 * @see org.rsmworkbench.model.live.Segment#getOwner()
	 * @see #getSegment()
	 * @generated
	 */
	EReference getSegment_Owner();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.Segment#getController <em>Controller</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Controller</em>'.
	 * @see org.rsmworkbench.model.live.Segment#getController()
	 * @see #getSegment()
	 * @generated
	 */
	EAttribute getSegment_Controller();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.Segment#getSize <em>Size</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Size</em>'.
	 * @see org.rsmworkbench.model.live.Segment#getSize()
	 * @see #getSegment()
	 * @generated
	 */
	EAttribute getSegment_Size();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.Segment#getState <em>State</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>State</em>'.
	 * @see org.rsmworkbench.model.live.Segment#getState()
	 * @see #getSegment()
	 * @generated
	 */
	EAttribute getSegment_State();

	/**
	 * Returns the meta object for the containment reference list '{@link org.rsmworkbench.model.live.Segment#getAcl <em>Acl</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Acl</em>'.
	 * @see org.rsmworkbench.model.live.Segment#getAcl()
	 * @see #getSegment()
	 * @generated
	 */
	EReference getSegment_Acl();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.Segment#getCreatorUid <em>Creator Uid</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Creator Uid</em>'.
	 * @see org.rsmworkbench.model.live.Segment#getCreatorUid()
	 * @see #getSegment()
	 * @generated
	 */
	EAttribute getSegment_CreatorUid();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.Segment#getCreatorGid <em>Creator Gid</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Creator Gid</em>'.
	 * @see org.rsmworkbench.model.live.Segment#getCreatorGid()
	 * @see #getSegment()
	 * @generated
	 */
	EAttribute getSegment_CreatorGid();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.Segment#getMode <em>Mode</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Mode</em>'.
	 * @see org.rsmworkbench.model.live.Segment#getMode()
	 * @see #getSegment()
	 * @generated
	 */
	EAttribute getSegment_Mode();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.Segment#getPublishCount <em>Publish Count</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Publish Count</em>'.
	 * @see org.rsmworkbench.model.live.Segment#getPublishCount()
	 * @see #getSegment()
	 * @generated
	 */
	EAttribute getSegment_PublishCount();

	/**
	 * Returns the meta object for class '{@link org.rsmworkbench.model.live.Connection <em>Connection</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Connection</em>'.
	 * @see org.rsmworkbench.model.live.Connection
	 * @generated
	 */
	EClass getConnection();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.Connection#getSerial <em>Serial</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Serial</em>'.
	 * @see org.rsmworkbench.model.live.Connection#getSerial()
	 * @see #getConnection()
	 * @generated
	 */
	EAttribute getConnection_Serial();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.Connection#getImporterNode <em>Importer Node</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Importer Node</em>'.
	 * @see org.rsmworkbench.model.live.Connection#getImporterNode()
	 * @see #getConnection()
	 * @generated
	 */
	EAttribute getConnection_ImporterNode();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.Connection#getImporterProcess <em>Importer Process</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Importer Process</em>'.
	 * @see org.rsmworkbench.model.live.Connection#getImporterProcess()
	 * @see #getConnection()
	 * @generated
	 */
	EAttribute getConnection_ImporterProcess();

	/**
	 * Returns the meta object for the reference '{@link org.rsmworkbench.model.live.Connection#getImporter <em>Importer</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference '<em>Importer</em>'.
	 * @see org.rsmworkbench.model.live.Connection#getImporter()
	 * @see #getConnection()
	 * @generated
	 */
	EReference getConnection_Importer();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.Connection#getExporterNode <em>Exporter Node</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Exporter Node</em>'.
	 * @see org.rsmworkbench.model.live.Connection#getExporterNode()
	 * @see #getConnection()
	 * @generated
	 */
	EAttribute getConnection_ExporterNode();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.Connection#getSegmentId <em>Segment Id</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Segment Id</em>'.
	 * @see org.rsmworkbench.model.live.Connection#getSegmentId()
	 * @see #getConnection()
	 * @generated
	 */
	EAttribute getConnection_SegmentId();

	/**
	 * Returns the meta object for the reference '{@link org.rsmworkbench.model.live.Connection#getSegment <em>Segment</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference '<em>Segment</em>'.
	 * @see org.rsmworkbench.model.live.Connection#getSegment()
	 * @see #getConnection()
	 * @generated
	 */
	EReference getConnection_Segment();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.Connection#getPermission <em>Permission</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Permission</em>'.
	 * @see org.rsmworkbench.model.live.Connection#getPermission()
	 * @see #getConnection()
	 * @generated
	 */
	EAttribute getConnection_Permission();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.Connection#getGranted <em>Granted</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Granted</em>'.
	 * @see org.rsmworkbench.model.live.Connection#getGranted()
	 * @see #getConnection()
	 * @generated
	 */
	EAttribute getConnection_Granted();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.Connection#isAborted <em>Aborted</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Aborted</em>'.
	 * @see org.rsmworkbench.model.live.Connection#isAborted()
	 * @see #getConnection()
	 * @generated
	 */
	EAttribute getConnection_Aborted();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.Connection#isMapped <em>Mapped</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Mapped</em>'.
	 * @see org.rsmworkbench.model.live.Connection#isMapped()
	 * @see #getConnection()
	 * @generated
	 */
	EAttribute getConnection_Mapped();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.live.Connection#getBarrierMode <em>Barrier Mode</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Barrier Mode</em>'.
	 * @see org.rsmworkbench.model.live.Connection#getBarrierMode()
	 * @see #getConnection()
	 * @generated
	 */
	EAttribute getConnection_BarrierMode();

	/**
	 * Returns the meta object for enum '{@link org.rsmworkbench.model.live.SegmentState <em>Segment State</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Segment State</em>'.
	 * @see org.rsmworkbench.model.live.SegmentState
	 * @generated
	 */
	EEnum getSegmentState();

	/**
	 * Returns the meta object for enum '{@link org.rsmworkbench.model.live.BarrierMode <em>Barrier Mode</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Barrier Mode</em>'.
	 * @see org.rsmworkbench.model.live.BarrierMode
	 * @generated
	 */
	EEnum getBarrierMode();

	/**
	 * Returns the factory that creates the instances of the model.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the factory that creates the instances of the model.
	 * @generated
	 */
	LiveFactory getLiveFactory();

	/**
	 * <!-- begin-user-doc -->
	 * Defines literals for the meta objects that represent
	 * <ul>
	 *   <li>each class,</li>
	 *   <li>each feature of each class,</li>
	 *   <li>each operation of each class,</li>
	 *   <li>each enum,</li>
	 *   <li>and each data type</li>
	 * </ul>
	 * <!-- end-user-doc -->
	 * @generated
	 */
	interface Literals {
		/**
		 * The meta object literal for the '{@link org.rsmworkbench.model.live.internal.impl.LiveClusterImpl <em>Cluster</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.rsmworkbench.model.live.internal.impl.LiveClusterImpl
		 * @see org.rsmworkbench.model.live.internal.impl.LivePackageImpl#getLiveCluster()
		 * @generated
		 */
		EClass LIVE_CLUSTER = eINSTANCE.getLiveCluster();

		/**
		 * The meta object literal for the '<em><b>Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute LIVE_CLUSTER__NAME = eINSTANCE.getLiveCluster_Name();

		/**
		 * The meta object literal for the '<em><b>Version</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute LIVE_CLUSTER__VERSION = eINSTANCE.getLiveCluster_Version();

		/**
		 * The meta object literal for the '<em><b>Nodes</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference LIVE_CLUSTER__NODES = eINSTANCE.getLiveCluster_Nodes();

		/**
		 * The meta object literal for the '<em><b>Links</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference LIVE_CLUSTER__LINKS = eINSTANCE.getLiveCluster_Links();

		/**
		 * The meta object literal for the '{@link org.rsmworkbench.model.live.internal.impl.LiveNodeImpl <em>Node</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.rsmworkbench.model.live.internal.impl.LiveNodeImpl
		 * @see org.rsmworkbench.model.live.internal.impl.LivePackageImpl#getLiveNode()
		 * @generated
		 */
		EClass LIVE_NODE = eINSTANCE.getLiveNode();

		/**
		 * The meta object literal for the '<em><b>Id</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute LIVE_NODE__ID = eINSTANCE.getLiveNode_Id();

		/**
		 * The meta object literal for the '<em><b>Hostname</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute LIVE_NODE__HOSTNAME = eINSTANCE.getLiveNode_Hostname();

		/**
		 * The meta object literal for the '<em><b>Up</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute LIVE_NODE__UP = eINSTANCE.getLiveNode_Up();

		/**
		 * The meta object literal for the '<em><b>Processes</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference LIVE_NODE__PROCESSES = eINSTANCE.getLiveNode_Processes();

		/**
		 * The meta object literal for the '<em><b>Segments</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference LIVE_NODE__SEGMENTS = eINSTANCE.getLiveNode_Segments();

		/**
		 * The meta object literal for the '<em><b>Connections</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference LIVE_NODE__CONNECTIONS = eINSTANCE.getLiveNode_Connections();

		/**
		 * The meta object literal for the '{@link org.rsmworkbench.model.live.internal.impl.LiveProcessImpl <em>Process</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.rsmworkbench.model.live.internal.impl.LiveProcessImpl
		 * @see org.rsmworkbench.model.live.internal.impl.LivePackageImpl#getLiveProcess()
		 * @generated
		 */
		EClass LIVE_PROCESS = eINSTANCE.getLiveProcess();

		/**
		 * The meta object literal for the '<em><b>Serial</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute LIVE_PROCESS__SERIAL = eINSTANCE.getLiveProcess_Serial();

		/**
		 * The meta object literal for the '<em><b>Pid</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute LIVE_PROCESS__PID = eINSTANCE.getLiveProcess_Pid();

		/**
		 * The meta object literal for the '<em><b>Credentials</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference LIVE_PROCESS__CREDENTIALS = eINSTANCE.getLiveProcess_Credentials();

		/**
		 * The meta object literal for the '{@link org.rsmworkbench.model.live.internal.impl.LiveLinkImpl <em>Link</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.rsmworkbench.model.live.internal.impl.LiveLinkImpl
		 * @see org.rsmworkbench.model.live.internal.impl.LivePackageImpl#getLiveLink()
		 * @generated
		 */
		EClass LIVE_LINK = eINSTANCE.getLiveLink();

		/**
		 * The meta object literal for the '<em><b>Node A</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute LIVE_LINK__NODE_A = eINSTANCE.getLiveLink_NodeA();

		/**
		 * The meta object literal for the '<em><b>Controller A</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute LIVE_LINK__CONTROLLER_A = eINSTANCE.getLiveLink_ControllerA();

		/**
		 * The meta object literal for the '<em><b>Node B</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute LIVE_LINK__NODE_B = eINSTANCE.getLiveLink_NodeB();

		/**
		 * The meta object literal for the '<em><b>Controller B</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute LIVE_LINK__CONTROLLER_B = eINSTANCE.getLiveLink_ControllerB();

		/**
		 * The meta object literal for the '<em><b>Up</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute LIVE_LINK__UP = eINSTANCE.getLiveLink_Up();

		/**
		 * The meta object literal for the '{@link org.rsmworkbench.model.live.internal.impl.SegmentImpl <em>Segment</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.rsmworkbench.model.live.internal.impl.SegmentImpl
		 * @see org.rsmworkbench.model.live.internal.impl.LivePackageImpl#getSegment()
		 * @generated
		 */
		EClass SEGMENT = eINSTANCE.getSegment();

		/**
		 * The meta object literal for the '<em><b>Segment Id</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SEGMENT__SEGMENT_ID = eINSTANCE.getSegment_SegmentId();

		/**
		 * The meta object literal for the '<em><b>Owner Node</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SEGMENT__OWNER_NODE = eINSTANCE.getSegment_OwnerNode();

		/**
		 * The meta object literal for the '<em><b>Owner Process</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SEGMENT__OWNER_PROCESS = eINSTANCE.getSegment_OwnerProcess();

		/**
		 * The meta object literal for the '<em><b>Owner</b></em>' reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference SEGMENT__OWNER = eINSTANCE.getSegment_Owner();

		/**
		 * The meta object literal for the '<em><b>Controller</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SEGMENT__CONTROLLER = eINSTANCE.getSegment_Controller();

		/**
		 * The meta object literal for the '<em><b>Size</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SEGMENT__SIZE = eINSTANCE.getSegment_Size();

		/**
		 * The meta object literal for the '<em><b>State</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SEGMENT__STATE = eINSTANCE.getSegment_State();

		/**
		 * The meta object literal for the '<em><b>Acl</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference SEGMENT__ACL = eINSTANCE.getSegment_Acl();

		/**
		 * The meta object literal for the '<em><b>Creator Uid</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SEGMENT__CREATOR_UID = eINSTANCE.getSegment_CreatorUid();

		/**
		 * The meta object literal for the '<em><b>Creator Gid</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SEGMENT__CREATOR_GID = eINSTANCE.getSegment_CreatorGid();

		/**
		 * The meta object literal for the '<em><b>Mode</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SEGMENT__MODE = eINSTANCE.getSegment_Mode();

		/**
		 * The meta object literal for the '<em><b>Publish Count</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SEGMENT__PUBLISH_COUNT = eINSTANCE.getSegment_PublishCount();

		/**
		 * The meta object literal for the '{@link org.rsmworkbench.model.live.internal.impl.ConnectionImpl <em>Connection</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.rsmworkbench.model.live.internal.impl.ConnectionImpl
		 * @see org.rsmworkbench.model.live.internal.impl.LivePackageImpl#getConnection()
		 * @generated
		 */
		EClass CONNECTION = eINSTANCE.getConnection();

		/**
		 * The meta object literal for the '<em><b>Serial</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CONNECTION__SERIAL = eINSTANCE.getConnection_Serial();

		/**
		 * The meta object literal for the '<em><b>Importer Node</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CONNECTION__IMPORTER_NODE = eINSTANCE.getConnection_ImporterNode();

		/**
		 * The meta object literal for the '<em><b>Importer Process</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CONNECTION__IMPORTER_PROCESS = eINSTANCE.getConnection_ImporterProcess();

		/**
		 * The meta object literal for the '<em><b>Importer</b></em>' reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference CONNECTION__IMPORTER = eINSTANCE.getConnection_Importer();

		/**
		 * The meta object literal for the '<em><b>Exporter Node</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CONNECTION__EXPORTER_NODE = eINSTANCE.getConnection_ExporterNode();

		/**
		 * The meta object literal for the '<em><b>Segment Id</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CONNECTION__SEGMENT_ID = eINSTANCE.getConnection_SegmentId();

		/**
		 * The meta object literal for the '<em><b>Segment</b></em>' reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference CONNECTION__SEGMENT = eINSTANCE.getConnection_Segment();

		/**
		 * The meta object literal for the '<em><b>Permission</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CONNECTION__PERMISSION = eINSTANCE.getConnection_Permission();

		/**
		 * The meta object literal for the '<em><b>Granted</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CONNECTION__GRANTED = eINSTANCE.getConnection_Granted();

		/**
		 * The meta object literal for the '<em><b>Aborted</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CONNECTION__ABORTED = eINSTANCE.getConnection_Aborted();

		/**
		 * The meta object literal for the '<em><b>Mapped</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CONNECTION__MAPPED = eINSTANCE.getConnection_Mapped();

		/**
		 * The meta object literal for the '<em><b>Barrier Mode</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CONNECTION__BARRIER_MODE = eINSTANCE.getConnection_BarrierMode();

		/**
		 * The meta object literal for the '{@link org.rsmworkbench.model.live.SegmentState <em>Segment State</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.rsmworkbench.model.live.SegmentState
		 * @see org.rsmworkbench.model.live.internal.impl.LivePackageImpl#getSegmentState()
		 * @generated
		 */
		EEnum SEGMENT_STATE = eINSTANCE.getSegmentState();

		/**
		 * The meta object literal for the '{@link org.rsmworkbench.model.live.BarrierMode <em>Barrier Mode</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.rsmworkbench.model.live.BarrierMode
		 * @see org.rsmworkbench.model.live.internal.impl.LivePackageImpl#getBarrierMode()
		 * @generated
		 */
		EEnum BARRIER_MODE = eINSTANCE.getBarrierMode();

	}

} //LivePackage
