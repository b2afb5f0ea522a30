/**
 * Copyright (c) 2026 RSM Workbench contributors
 * SPDX-License-Identifier: EPL-2.0
 */
package org.rsmworkbench.model.cluster;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EDataType;
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
 * The design-time topology of an emulated RSM cluster, saved as a .rsmcluster file: nodes with their controllers and default credentials, the links and switches that join controllers, and named ACL templates.
 * <!-- end-model-doc -->
 * @see org.rsmworkbench.model.cluster.ClusterFactory
 * @model kind="package"
 * @generated
 */
public interface ClusterPackage extends EPackage {
	/**
	 * The package name.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNAME = "cluster";

	/**
	 * The package namespace URI.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNS_URI = "http://www.rsmworkbench.org/model/cluster/1.0";

	/**
	 * The package namespace name.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNS_PREFIX = "rsmcluster";

	/**
	 * The package content type ID.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eCONTENT_TYPE = "org.rsmworkbench.model.rsmcluster";

	/**
	 * The singleton instance of the package.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	ClusterPackage eINSTANCE = org.rsmworkbench.model.cluster.internal.impl.ClusterPackageImpl.init();

	/**
	 * The meta object id for the '{@link org.rsmworkbench.model.cluster.internal.impl.ClusterImpl <em>Cluster</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.rsmworkbench.model.cluster.internal.impl.ClusterImpl
	 * @see org.rsmworkbench.model.cluster.internal.impl.ClusterPackageImpl#getCluster()
	 * @generated
	 */
	int CLUSTER = 0;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CLUSTER__NAME = 0;

	/**
	 * The feature id for the '<em><b>Page Size</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CLUSTER__PAGE_SIZE = 1;

	/**
	 * The feature id for the '<em><b>Nodes</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CLUSTER__NODES = 2;

	/**
	 * The feature id for the '<em><b>Links</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CLUSTER__LINKS = 3;

	/**
	 * The feature id for the '<em><b>Switches</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CLUSTER__SWITCHES = 4;

	/**
	 * The feature id for the '<em><b>Acl Templates</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CLUSTER__ACL_TEMPLATES = 5;

	/**
	 * The number of structural features of the '<em>Cluster</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CLUSTER_FEATURE_COUNT = 6;

	/**
	 * The number of operations of the '<em>Cluster</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CLUSTER_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.rsmworkbench.model.cluster.internal.impl.NodeImpl <em>Node</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.rsmworkbench.model.cluster.internal.impl.NodeImpl
	 * @see org.rsmworkbench.model.cluster.internal.impl.ClusterPackageImpl#getNode()
	 * @generated
	 */
	int NODE = 1;

	/**
	 * The feature id for the '<em><b>Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int NODE__ID = 0;

	/**
	 * The feature id for the '<em><b>Hostname</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int NODE__HOSTNAME = 1;

	/**
	 * The feature id for the '<em><b>Controllers</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int NODE__CONTROLLERS = 2;

	/**
	 * The feature id for the '<em><b>Default Credentials</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int NODE__DEFAULT_CREDENTIALS = 3;

	/**
	 * The number of structural features of the '<em>Node</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int NODE_FEATURE_COUNT = 4;

	/**
	 * The number of operations of the '<em>Node</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int NODE_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.rsmworkbench.model.cluster.internal.impl.ControllerImpl <em>Controller</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.rsmworkbench.model.cluster.internal.impl.ControllerImpl
	 * @see org.rsmworkbench.model.cluster.internal.impl.ClusterPackageImpl#getController()
	 * @generated
	 */
	int CONTROLLER = 2;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CONTROLLER__NAME = 0;

	/**
	 * The feature id for the '<em><b>Node</b></em>' container reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CONTROLLER__NODE = 1;

	/**
	 * The feature id for the '<em><b>Direct Access Sizes</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CONTROLLER__DIRECT_ACCESS_SIZES = 2;

	/**
	 * The feature id for the '<em><b>Atomic Sizes</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CONTROLLER__ATOMIC_SIZES = 3;

	/**
	 * The feature id for the '<em><b>Page Size</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CONTROLLER__PAGE_SIZE = 4;

	/**
	 * The feature id for the '<em><b>Max Export Segment Size</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CONTROLLER__MAX_EXPORT_SEGMENT_SIZE = 5;

	/**
	 * The feature id for the '<em><b>Total Export Segment Size</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CONTROLLER__TOTAL_EXPORT_SEGMENT_SIZE = 6;

	/**
	 * The feature id for the '<em><b>Max Export Segments</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CONTROLLER__MAX_EXPORT_SEGMENTS = 7;

	/**
	 * The feature id for the '<em><b>Max Import Map Size</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CONTROLLER__MAX_IMPORT_MAP_SIZE = 8;

	/**
	 * The feature id for the '<em><b>Total Import Map Size</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CONTROLLER__TOTAL_IMPORT_MAP_SIZE = 9;

	/**
	 * The feature id for the '<em><b>Max Import Segments</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CONTROLLER__MAX_IMPORT_SEGMENTS = 10;

	/**
	 * The number of structural features of the '<em>Controller</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CONTROLLER_FEATURE_COUNT = 11;

	/**
	 * The number of operations of the '<em>Controller</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CONTROLLER_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.rsmworkbench.model.cluster.internal.impl.LinkImpl <em>Link</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.rsmworkbench.model.cluster.internal.impl.LinkImpl
	 * @see org.rsmworkbench.model.cluster.internal.impl.ClusterPackageImpl#getLink()
	 * @generated
	 */
	int LINK = 3;

	/**
	 * The feature id for the '<em><b>Controller A</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LINK__CONTROLLER_A = 0;

	/**
	 * The feature id for the '<em><b>Controller B</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LINK__CONTROLLER_B = 1;

	/**
	 * The feature id for the '<em><b>Up</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LINK__UP = 2;

	/**
	 * The number of structural features of the '<em>Link</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LINK_FEATURE_COUNT = 3;

	/**
	 * The number of operations of the '<em>Link</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LINK_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.rsmworkbench.model.cluster.internal.impl.SwitchImpl <em>Switch</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.rsmworkbench.model.cluster.internal.impl.SwitchImpl
	 * @see org.rsmworkbench.model.cluster.internal.impl.ClusterPackageImpl#getSwitch()
	 * @generated
	 */
	int SWITCH = 4;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SWITCH__NAME = 0;

	/**
	 * The feature id for the '<em><b>Ports</b></em>' reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SWITCH__PORTS = 1;

	/**
	 * The feature id for the '<em><b>Up</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SWITCH__UP = 2;

	/**
	 * The number of structural features of the '<em>Switch</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SWITCH_FEATURE_COUNT = 3;

	/**
	 * The number of operations of the '<em>Switch</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SWITCH_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.rsmworkbench.model.cluster.internal.impl.AclTemplateImpl <em>Acl Template</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.rsmworkbench.model.cluster.internal.impl.AclTemplateImpl
	 * @see org.rsmworkbench.model.cluster.internal.impl.ClusterPackageImpl#getAclTemplate()
	 * @generated
	 */
	int ACL_TEMPLATE = 5;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ACL_TEMPLATE__NAME = 0;

	/**
	 * The feature id for the '<em><b>Entries</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ACL_TEMPLATE__ENTRIES = 1;

	/**
	 * The number of structural features of the '<em>Acl Template</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ACL_TEMPLATE_FEATURE_COUNT = 2;

	/**
	 * The number of operations of the '<em>Acl Template</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ACL_TEMPLATE_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.rsmworkbench.model.cluster.internal.impl.AccessEntryImpl <em>Access Entry</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.rsmworkbench.model.cluster.internal.impl.AccessEntryImpl
	 * @see org.rsmworkbench.model.cluster.internal.impl.ClusterPackageImpl#getAccessEntry()
	 * @generated
	 */
	int ACCESS_ENTRY = 6;

	/**
	 * The feature id for the '<em><b>Node</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ACCESS_ENTRY__NODE = 0;

	/**
	 * The feature id for the '<em><b>Permission</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ACCESS_ENTRY__PERMISSION = 1;

	/**
	 * The number of structural features of the '<em>Access Entry</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ACCESS_ENTRY_FEATURE_COUNT = 2;

	/**
	 * The number of operations of the '<em>Access Entry</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ACCESS_ENTRY_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.rsmworkbench.model.cluster.internal.impl.CredentialsImpl <em>Credentials</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.rsmworkbench.model.cluster.internal.impl.CredentialsImpl
	 * @see org.rsmworkbench.model.cluster.internal.impl.ClusterPackageImpl#getCredentials()
	 * @generated
	 */
	int CREDENTIALS = 7;

	/**
	 * The feature id for the '<em><b>Uid</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CREDENTIALS__UID = 0;

	/**
	 * The feature id for the '<em><b>Gid</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CREDENTIALS__GID = 1;

	/**
	 * The feature id for the '<em><b>Groups</b></em>' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CREDENTIALS__GROUPS = 2;

	/**
	 * The feature id for the '<em><b>Umask</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CREDENTIALS__UMASK = 3;

	/**
	 * The feature id for the '<em><b>Privileged</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CREDENTIALS__PRIVILEGED = 4;

	/**
	 * The number of structural features of the '<em>Credentials</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CREDENTIALS_FEATURE_COUNT = 5;

	/**
	 * The number of operations of the '<em>Credentials</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CREDENTIALS_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '<em>Octal Mode</em>' data type.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.rsmworkbench.model.cluster.internal.impl.ClusterPackageImpl#getOctalMode()
	 * @generated
	 */
	int OCTAL_MODE = 8;


	/**
	 * Returns the meta object for class '{@link org.rsmworkbench.model.cluster.Cluster <em>Cluster</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Cluster</em>'.
	 * @see org.rsmworkbench.model.cluster.Cluster
	 * @generated
	 */
	EClass getCluster();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.cluster.Cluster#getName <em>Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Name</em>'.
	 * @see org.rsmworkbench.model.cluster.Cluster#getName()
	 * @see #getCluster()
	 * @generated
	 */
	EAttribute getCluster_Name();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.cluster.Cluster#getPageSize <em>Page Size</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Page Size</em>'.
	 * @see org.rsmworkbench.model.cluster.Cluster#getPageSize()
	 * @see #getCluster()
	 * @generated
	 */
	EAttribute getCluster_PageSize();

	/**
	 * Returns the meta object for the containment reference list '{@link org.rsmworkbench.model.cluster.Cluster#getNodes <em>Nodes</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Nodes</em>'.
	 * @see org.rsmworkbench.model.cluster.Cluster#getNodes()
	 * @see #getCluster()
	 * @generated
	 */
	EReference getCluster_Nodes();

	/**
	 * Returns the meta object for the containment reference list '{@link org.rsmworkbench.model.cluster.Cluster#getLinks <em>Links</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Links</em>'.
	 * @see org.rsmworkbench.model.cluster.Cluster#getLinks()
	 * @see #getCluster()
	 * @generated
	 */
	EReference getCluster_Links();

	/**
	 * Returns the meta object for the containment reference list '{@link org.rsmworkbench.model.cluster.Cluster#getSwitches <em>Switches</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Switches</em>'.
	 * @see org.rsmworkbench.model.cluster.Cluster#getSwitches()
	 * @see #getCluster()
	 * @generated
	 */
	EReference getCluster_Switches();

	/**
	 * Returns the meta object for the containment reference list '{@link org.rsmworkbench.model.cluster.Cluster#getAclTemplates <em>Acl Templates</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Acl Templates</em>'.
	 * @see org.rsmworkbench.model.cluster.Cluster#getAclTemplates()
	 * @see #getCluster()
	 * @generated
	 */
	EReference getCluster_AclTemplates();

	/**
	 * Returns the meta object for class '{@link org.rsmworkbench.model.cluster.Node <em>Node</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Node</em>'.
	 * @see org.rsmworkbench.model.cluster.Node
	 * @generated
	 */
	EClass getNode();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.cluster.Node#getId <em>Id</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Id</em>'.
	 * @see org.rsmworkbench.model.cluster.Node#getId()
	 * @see #getNode()
	 * @generated
	 */
	EAttribute getNode_Id();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.cluster.Node#getHostname <em>Hostname</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Hostname</em>'.
	 * @see org.rsmworkbench.model.cluster.Node#getHostname()
	 * @see #getNode()
	 * @generated
	 */
	EAttribute getNode_Hostname();

	/**
	 * Returns the meta object for the containment reference list '{@link org.rsmworkbench.model.cluster.Node#getControllers <em>Controllers</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Controllers</em>'.
	 * @see org.rsmworkbench.model.cluster.Node#getControllers()
	 * @see #getNode()
	 * @generated
	 */
	EReference getNode_Controllers();

	/**
	 * Returns the meta object for the containment reference '{@link org.rsmworkbench.model.cluster.Node#getDefaultCredentials <em>Default Credentials</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Default Credentials</em>'.
	 * @see org.rsmworkbench.model.cluster.Node#getDefaultCredentials()
	 * @see #getNode()
	 * @generated
	 */
	EReference getNode_DefaultCredentials();

	/**
	 * Returns the meta object for class '{@link org.rsmworkbench.model.cluster.Controller <em>Controller</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Controller</em>'.
	 * @see org.rsmworkbench.model.cluster.Controller
	 * @generated
	 */
	EClass getController();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.cluster.Controller#getName <em>Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Name</em>'.
	 * @see org.rsmworkbench.model.cluster.Controller#getName()
	 * @see #getController()
	 * @generated
	 */
	EAttribute getController_Name();

	/**
	 * Returns the meta object for the container reference '{@link org.rsmworkbench.model.cluster.Controller#getNode <em>Node</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the container reference '<em>Node</em>'.
	 * @see org.rsmworkbench.model.cluster.Controller#getNode()
	 * @see #getController()
	 * @generated
	 */
	EReference getController_Node();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.cluster.Controller#getDirectAccessSizes <em>Direct Access Sizes</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Direct Access Sizes</em>'.
	 * @see org.rsmworkbench.model.cluster.Controller#getDirectAccessSizes()
	 * @see #getController()
	 * @generated
	 */
	EAttribute getController_DirectAccessSizes();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.cluster.Controller#getAtomicSizes <em>Atomic Sizes</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Atomic Sizes</em>'.
	 * @see org.rsmworkbench.model.cluster.Controller#getAtomicSizes()
	 * @see #getController()
	 * @generated
	 */
	EAttribute getController_AtomicSizes();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.cluster.Controller#getPageSize <em>Page Size</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Page Size</em>'.
	 * @see org.rsmworkbench.model.cluster.Controller#getPageSize()
	 * @see #getController()
	 * @generated
	 */
	EAttribute getController_PageSize();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.cluster.Controller#getMaxExportSegmentSize <em>Max Export Segment Size</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Max Export Segment Size</em>'.
	 * @see org.rsmworkbench.model.cluster.Controller#getMaxExportSegmentSize()
	 * @see #getController()
	 * @generated
	 */
	EAttribute getController_MaxExportSegmentSize();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.cluster.Controller#getTotalExportSegmentSize <em>Total Export Segment Size</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Total Export Segment Size</em>'.
	 * @see org.rsmworkbench.model.cluster.Controller#getTotalExportSegmentSize()
	 * @see #getController()
	 * @generated
	 */
	EAttribute getController_TotalExportSegmentSize();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.cluster.Controller#getMaxExportSegments <em>Max Export Segments</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Max Export Segments</em>'.
	 * @see org.rsmworkbench.model.cluster.Controller#getMaxExportSegments()
	 * @see #getController()
	 * @generated
	 */
	EAttribute getController_MaxExportSegments();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.cluster.Controller#getMaxImportMapSize <em>Max Import Map Size</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Max Import Map Size</em>'.
	 * @see org.rsmworkbench.model.cluster.Controller#getMaxImportMapSize()
	 * @see #getController()
	 * @generated
	 */
	EAttribute getController_MaxImportMapSize();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.cluster.Controller#getTotalImportMapSize <em>Total Import Map Size</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Total Import Map Size</em>'.
	 * @see org.rsmworkbench.model.cluster.Controller#getTotalImportMapSize()
	 * @see #getController()
	 * @generated
	 */
	EAttribute getController_TotalImportMapSize();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.cluster.Controller#getMaxImportSegments <em>Max Import Segments</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Max Import Segments</em>'.
	 * @see org.rsmworkbench.model.cluster.Controller#getMaxImportSegments()
	 * @see #getController()
	 * @generated
	 */
	EAttribute getController_MaxImportSegments();

	/**
	 * Returns the meta object for class '{@link org.rsmworkbench.model.cluster.Link <em>Link</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Link</em>'.
	 * @see org.rsmworkbench.model.cluster.Link
	 * @generated
	 */
	EClass getLink();

	/**
	 * Returns the meta object for the reference '{@link org.rsmworkbench.model.cluster.Link#getControllerA <em>Controller A</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference '<em>Controller A</em>'.
	 * @see org.rsmworkbench.model.cluster.Link#getControllerA()
	 * @see #getLink()
	 * @generated
	 */
	EReference getLink_ControllerA();

	/**
	 * Returns the meta object for the reference '{@link org.rsmworkbench.model.cluster.Link#getControllerB <em>Controller B</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference '<em>Controller B</em>'.
	 * @see org.rsmworkbench.model.cluster.Link#getControllerB()
	 * @see #getLink()
	 * @generated
	 */
	EReference getLink_ControllerB();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.cluster.Link#isUp <em>Up</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Up</em>'.
	 * @see org.rsmworkbench.model.cluster.Link#isUp()
	 * @see #getLink()
	 * @generated
	 */
	EAttribute getLink_Up();

	/**
	 * Returns the meta object for class '{@link org.rsmworkbench.model.cluster.Switch <em>Switch</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Switch</em>'.
	 * @see org.rsmworkbench.model.cluster.Switch
	 * @generated
	 */
	EClass getSwitch();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.cluster.Switch#getName <em>Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Name</em>'.
	 * @see org.rsmworkbench.model.cluster.Switch#getName()
	 * @see #getSwitch()
	 * @generated
	 */
	EAttribute getSwitch_Name();

	/**
	 * Returns the meta object for the reference list '{@link org.rsmworkbench.model.cluster.Switch#getPorts <em>Ports</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference list '<em>Ports</em>'.
	 * @see org.rsmworkbench.model.cluster.Switch#getPorts()
	 * @see #getSwitch()
	 * @generated
	 */
	EReference getSwitch_Ports();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.cluster.Switch#isUp <em>Up</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Up</em>'.
	 * @see org.rsmworkbench.model.cluster.Switch#isUp()
	 * @see #getSwitch()
	 * @generated
	 */
	EAttribute getSwitch_Up();

	/**
	 * Returns the meta object for class '{@link org.rsmworkbench.model.cluster.AclTemplate <em>Acl Template</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Acl Template</em>'.
	 * @see org.rsmworkbench.model.cluster.AclTemplate
	 * @generated
	 */
	EClass getAclTemplate();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.cluster.AclTemplate#getName <em>Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Name</em>'.
	 * @see org.rsmworkbench.model.cluster.AclTemplate#getName()
	 * @see #getAclTemplate()
	 * @generated
	 */
	EAttribute getAclTemplate_Name();

	/**
	 * Returns the meta object for the containment reference list '{@link org.rsmworkbench.model.cluster.AclTemplate#getEntries <em>Entries</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Entries</em>'.
	 * @see org.rsmworkbench.model.cluster.AclTemplate#getEntries()
	 * @see #getAclTemplate()
	 * @generated
	 */
	EReference getAclTemplate_Entries();

	/**
	 * Returns the meta object for class '{@link org.rsmworkbench.model.cluster.AccessEntry <em>Access Entry</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Access Entry</em>'.
	 * @see org.rsmworkbench.model.cluster.AccessEntry
	 * @generated
	 */
	EClass getAccessEntry();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.cluster.AccessEntry#getNode <em>Node</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Node</em>'.
	 * @see org.rsmworkbench.model.cluster.AccessEntry#getNode()
	 * @see #getAccessEntry()
	 * @generated
	 */
	EAttribute getAccessEntry_Node();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.cluster.AccessEntry#getPermission <em>Permission</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Permission</em>'.
	 * @see org.rsmworkbench.model.cluster.AccessEntry#getPermission()
	 * @see #getAccessEntry()
	 * @generated
	 */
	EAttribute getAccessEntry_Permission();

	/**
	 * Returns the meta object for class '{@link org.rsmworkbench.model.cluster.Credentials <em>Credentials</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Credentials</em>'.
	 * @see org.rsmworkbench.model.cluster.Credentials
	 * @generated
	 */
	EClass getCredentials();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.cluster.Credentials#getUid <em>Uid</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Uid</em>'.
	 * @see org.rsmworkbench.model.cluster.Credentials#getUid()
	 * @see #getCredentials()
	 * @generated
	 */
	EAttribute getCredentials_Uid();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.cluster.Credentials#getGid <em>Gid</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Gid</em>'.
	 * @see org.rsmworkbench.model.cluster.Credentials#getGid()
	 * @see #getCredentials()
	 * @generated
	 */
	EAttribute getCredentials_Gid();

	/**
	 * Returns the meta object for the attribute list '{@link org.rsmworkbench.model.cluster.Credentials#getGroups <em>Groups</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute list '<em>Groups</em>'.
	 * @see org.rsmworkbench.model.cluster.Credentials#getGroups()
	 * @see #getCredentials()
	 * @generated
	 */
	EAttribute getCredentials_Groups();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.cluster.Credentials#getUmask <em>Umask</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Umask</em>'.
	 * @see org.rsmworkbench.model.cluster.Credentials#getUmask()
	 * @see #getCredentials()
	 * @generated
	 */
	EAttribute getCredentials_Umask();

	/**
	 * Returns the meta object for the attribute '{@link org.rsmworkbench.model.cluster.Credentials#isPrivileged <em>Privileged</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Privileged</em>'.
	 * @see org.rsmworkbench.model.cluster.Credentials#isPrivileged()
	 * @see #getCredentials()
	 * @generated
	 */
	EAttribute getCredentials_Privileged();

	/**
	 * Returns the meta object for data type '<em>Octal Mode</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
     * <!-- begin-model-doc -->
     * A permission or mode, stored as an int and written in octal with a leading 0 (0640); read as octal with a leading 0, else as decimal (so the default value literals of the model, 384 = 0600 and 18 = 022, are decimal).
     * <!-- end-model-doc -->
	 * @return the meta object for data type '<em>Octal Mode</em>'.
	 * @model instanceClass="int"
	 * @generated
	 */
	EDataType getOctalMode();

	/**
	 * Returns the factory that creates the instances of the model.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the factory that creates the instances of the model.
	 * @generated
	 */
	ClusterFactory getClusterFactory();

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
		 * The meta object literal for the '{@link org.rsmworkbench.model.cluster.internal.impl.ClusterImpl <em>Cluster</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.rsmworkbench.model.cluster.internal.impl.ClusterImpl
		 * @see org.rsmworkbench.model.cluster.internal.impl.ClusterPackageImpl#getCluster()
		 * @generated
		 */
		EClass CLUSTER = eINSTANCE.getCluster();

		/**
		 * The meta object literal for the '<em><b>Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CLUSTER__NAME = eINSTANCE.getCluster_Name();

		/**
		 * The meta object literal for the '<em><b>Page Size</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CLUSTER__PAGE_SIZE = eINSTANCE.getCluster_PageSize();

		/**
		 * The meta object literal for the '<em><b>Nodes</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference CLUSTER__NODES = eINSTANCE.getCluster_Nodes();

		/**
		 * The meta object literal for the '<em><b>Links</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference CLUSTER__LINKS = eINSTANCE.getCluster_Links();

		/**
		 * The meta object literal for the '<em><b>Switches</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference CLUSTER__SWITCHES = eINSTANCE.getCluster_Switches();

		/**
		 * The meta object literal for the '<em><b>Acl Templates</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference CLUSTER__ACL_TEMPLATES = eINSTANCE.getCluster_AclTemplates();

		/**
		 * The meta object literal for the '{@link org.rsmworkbench.model.cluster.internal.impl.NodeImpl <em>Node</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.rsmworkbench.model.cluster.internal.impl.NodeImpl
		 * @see org.rsmworkbench.model.cluster.internal.impl.ClusterPackageImpl#getNode()
		 * @generated
		 */
		EClass NODE = eINSTANCE.getNode();

		/**
		 * The meta object literal for the '<em><b>Id</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute NODE__ID = eINSTANCE.getNode_Id();

		/**
		 * The meta object literal for the '<em><b>Hostname</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute NODE__HOSTNAME = eINSTANCE.getNode_Hostname();

		/**
		 * The meta object literal for the '<em><b>Controllers</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference NODE__CONTROLLERS = eINSTANCE.getNode_Controllers();

		/**
		 * The meta object literal for the '<em><b>Default Credentials</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference NODE__DEFAULT_CREDENTIALS = eINSTANCE.getNode_DefaultCredentials();

		/**
		 * The meta object literal for the '{@link org.rsmworkbench.model.cluster.internal.impl.ControllerImpl <em>Controller</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.rsmworkbench.model.cluster.internal.impl.ControllerImpl
		 * @see org.rsmworkbench.model.cluster.internal.impl.ClusterPackageImpl#getController()
		 * @generated
		 */
		EClass CONTROLLER = eINSTANCE.getController();

		/**
		 * The meta object literal for the '<em><b>Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CONTROLLER__NAME = eINSTANCE.getController_Name();

		/**
		 * The meta object literal for the '<em><b>Node</b></em>' container reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference CONTROLLER__NODE = eINSTANCE.getController_Node();

		/**
		 * The meta object literal for the '<em><b>Direct Access Sizes</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CONTROLLER__DIRECT_ACCESS_SIZES = eINSTANCE.getController_DirectAccessSizes();

		/**
		 * The meta object literal for the '<em><b>Atomic Sizes</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CONTROLLER__ATOMIC_SIZES = eINSTANCE.getController_AtomicSizes();

		/**
		 * The meta object literal for the '<em><b>Page Size</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CONTROLLER__PAGE_SIZE = eINSTANCE.getController_PageSize();

		/**
		 * The meta object literal for the '<em><b>Max Export Segment Size</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CONTROLLER__MAX_EXPORT_SEGMENT_SIZE = eINSTANCE.getController_MaxExportSegmentSize();

		/**
		 * The meta object literal for the '<em><b>Total Export Segment Size</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CONTROLLER__TOTAL_EXPORT_SEGMENT_SIZE = eINSTANCE.getController_TotalExportSegmentSize();

		/**
		 * The meta object literal for the '<em><b>Max Export Segments</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CONTROLLER__MAX_EXPORT_SEGMENTS = eINSTANCE.getController_MaxExportSegments();

		/**
		 * The meta object literal for the '<em><b>Max Import Map Size</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CONTROLLER__MAX_IMPORT_MAP_SIZE = eINSTANCE.getController_MaxImportMapSize();

		/**
		 * The meta object literal for the '<em><b>Total Import Map Size</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CONTROLLER__TOTAL_IMPORT_MAP_SIZE = eINSTANCE.getController_TotalImportMapSize();

		/**
		 * The meta object literal for the '<em><b>Max Import Segments</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CONTROLLER__MAX_IMPORT_SEGMENTS = eINSTANCE.getController_MaxImportSegments();

		/**
		 * The meta object literal for the '{@link org.rsmworkbench.model.cluster.internal.impl.LinkImpl <em>Link</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.rsmworkbench.model.cluster.internal.impl.LinkImpl
		 * @see org.rsmworkbench.model.cluster.internal.impl.ClusterPackageImpl#getLink()
		 * @generated
		 */
		EClass LINK = eINSTANCE.getLink();

		/**
		 * The meta object literal for the '<em><b>Controller A</b></em>' reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference LINK__CONTROLLER_A = eINSTANCE.getLink_ControllerA();

		/**
		 * The meta object literal for the '<em><b>Controller B</b></em>' reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference LINK__CONTROLLER_B = eINSTANCE.getLink_ControllerB();

		/**
		 * The meta object literal for the '<em><b>Up</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute LINK__UP = eINSTANCE.getLink_Up();

		/**
		 * The meta object literal for the '{@link org.rsmworkbench.model.cluster.internal.impl.SwitchImpl <em>Switch</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.rsmworkbench.model.cluster.internal.impl.SwitchImpl
		 * @see org.rsmworkbench.model.cluster.internal.impl.ClusterPackageImpl#getSwitch()
		 * @generated
		 */
		EClass SWITCH = eINSTANCE.getSwitch();

		/**
		 * The meta object literal for the '<em><b>Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SWITCH__NAME = eINSTANCE.getSwitch_Name();

		/**
		 * The meta object literal for the '<em><b>Ports</b></em>' reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference SWITCH__PORTS = eINSTANCE.getSwitch_Ports();

		/**
		 * The meta object literal for the '<em><b>Up</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SWITCH__UP = eINSTANCE.getSwitch_Up();

		/**
		 * The meta object literal for the '{@link org.rsmworkbench.model.cluster.internal.impl.AclTemplateImpl <em>Acl Template</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.rsmworkbench.model.cluster.internal.impl.AclTemplateImpl
		 * @see org.rsmworkbench.model.cluster.internal.impl.ClusterPackageImpl#getAclTemplate()
		 * @generated
		 */
		EClass ACL_TEMPLATE = eINSTANCE.getAclTemplate();

		/**
		 * The meta object literal for the '<em><b>Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute ACL_TEMPLATE__NAME = eINSTANCE.getAclTemplate_Name();

		/**
		 * The meta object literal for the '<em><b>Entries</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference ACL_TEMPLATE__ENTRIES = eINSTANCE.getAclTemplate_Entries();

		/**
		 * The meta object literal for the '{@link org.rsmworkbench.model.cluster.internal.impl.AccessEntryImpl <em>Access Entry</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.rsmworkbench.model.cluster.internal.impl.AccessEntryImpl
		 * @see org.rsmworkbench.model.cluster.internal.impl.ClusterPackageImpl#getAccessEntry()
		 * @generated
		 */
		EClass ACCESS_ENTRY = eINSTANCE.getAccessEntry();

		/**
		 * The meta object literal for the '<em><b>Node</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute ACCESS_ENTRY__NODE = eINSTANCE.getAccessEntry_Node();

		/**
		 * The meta object literal for the '<em><b>Permission</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute ACCESS_ENTRY__PERMISSION = eINSTANCE.getAccessEntry_Permission();

		/**
		 * The meta object literal for the '{@link org.rsmworkbench.model.cluster.internal.impl.CredentialsImpl <em>Credentials</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.rsmworkbench.model.cluster.internal.impl.CredentialsImpl
		 * @see org.rsmworkbench.model.cluster.internal.impl.ClusterPackageImpl#getCredentials()
		 * @generated
		 */
		EClass CREDENTIALS = eINSTANCE.getCredentials();

		/**
		 * The meta object literal for the '<em><b>Uid</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CREDENTIALS__UID = eINSTANCE.getCredentials_Uid();

		/**
		 * The meta object literal for the '<em><b>Gid</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CREDENTIALS__GID = eINSTANCE.getCredentials_Gid();

		/**
		 * The meta object literal for the '<em><b>Groups</b></em>' attribute list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CREDENTIALS__GROUPS = eINSTANCE.getCredentials_Groups();

		/**
		 * The meta object literal for the '<em><b>Umask</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CREDENTIALS__UMASK = eINSTANCE.getCredentials_Umask();

		/**
		 * The meta object literal for the '<em><b>Privileged</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CREDENTIALS__PRIVILEGED = eINSTANCE.getCredentials_Privileged();

		/**
		 * The meta object literal for the '<em>Octal Mode</em>' data type.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.rsmworkbench.model.cluster.internal.impl.ClusterPackageImpl#getOctalMode()
		 * @generated
		 */
		EDataType OCTAL_MODE = eINSTANCE.getOctalMode();

	}

} //ClusterPackage
