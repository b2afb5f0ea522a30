/**
 * Copyright (c) 2026 RSM Workbench contributors
 * SPDX-License-Identifier: EPL-2.0
 */
package org.rsmworkbench.model.cluster.internal.impl;

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

import org.rsmworkbench.model.cluster.AclTemplate;
import org.rsmworkbench.model.cluster.Cluster;
import org.rsmworkbench.model.cluster.ClusterPackage;
import org.rsmworkbench.model.cluster.Link;
import org.rsmworkbench.model.cluster.Node;
import org.rsmworkbench.model.cluster.Switch;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Cluster</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link org.rsmworkbench.model.cluster.internal.impl.ClusterImpl#getName <em>Name</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.internal.impl.ClusterImpl#getPageSize <em>Page Size</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.internal.impl.ClusterImpl#getNodes <em>Nodes</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.internal.impl.ClusterImpl#getLinks <em>Links</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.internal.impl.ClusterImpl#getSwitches <em>Switches</em>}</li>
 *   <li>{@link org.rsmworkbench.model.cluster.internal.impl.ClusterImpl#getAclTemplates <em>Acl Templates</em>}</li>
 * </ul>
 *
 * @generated
 */
public class ClusterImpl extends MinimalEObjectImpl.Container implements Cluster {
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
	 * The cached value of the '{@link #getNodes() <em>Nodes</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getNodes()
	 * @generated
	 * @ordered
	 */
	protected EList<Node> nodes;

	/**
	 * The cached value of the '{@link #getLinks() <em>Links</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getLinks()
	 * @generated
	 * @ordered
	 */
	protected EList<Link> links;

	/**
	 * The cached value of the '{@link #getSwitches() <em>Switches</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSwitches()
	 * @generated
	 * @ordered
	 */
	protected EList<Switch> switches;

	/**
	 * The cached value of the '{@link #getAclTemplates() <em>Acl Templates</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getAclTemplates()
	 * @generated
	 * @ordered
	 */
	protected EList<AclTemplate> aclTemplates;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected ClusterImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return ClusterPackage.Literals.CLUSTER;
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
			eNotify(new ENotificationImpl(this, Notification.SET, ClusterPackage.CLUSTER__NAME, oldName, name));
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
			eNotify(new ENotificationImpl(this, Notification.SET, ClusterPackage.CLUSTER__PAGE_SIZE, oldPageSize, pageSize));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Node> getNodes() {
		if (nodes == null) {
			nodes = new EObjectContainmentEList<Node>(Node.class, this, ClusterPackage.CLUSTER__NODES);
		}
		return nodes;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Link> getLinks() {
		if (links == null) {
			links = new EObjectContainmentEList<Link>(Link.class, this, ClusterPackage.CLUSTER__LINKS);
		}
		return links;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Switch> getSwitches() {
		if (switches == null) {
			switches = new EObjectContainmentEList<Switch>(Switch.class, this, ClusterPackage.CLUSTER__SWITCHES);
		}
		return switches;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<AclTemplate> getAclTemplates() {
		if (aclTemplates == null) {
			aclTemplates = new EObjectContainmentEList<AclTemplate>(AclTemplate.class, this, ClusterPackage.CLUSTER__ACL_TEMPLATES);
		}
		return aclTemplates;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eInverseRemove(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case ClusterPackage.CLUSTER__NODES:
				return ((InternalEList<?>)getNodes()).basicRemove(otherEnd, msgs);
			case ClusterPackage.CLUSTER__LINKS:
				return ((InternalEList<?>)getLinks()).basicRemove(otherEnd, msgs);
			case ClusterPackage.CLUSTER__SWITCHES:
				return ((InternalEList<?>)getSwitches()).basicRemove(otherEnd, msgs);
			case ClusterPackage.CLUSTER__ACL_TEMPLATES:
				return ((InternalEList<?>)getAclTemplates()).basicRemove(otherEnd, msgs);
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
			case ClusterPackage.CLUSTER__NAME:
				return getName();
			case ClusterPackage.CLUSTER__PAGE_SIZE:
				return getPageSize();
			case ClusterPackage.CLUSTER__NODES:
				return getNodes();
			case ClusterPackage.CLUSTER__LINKS:
				return getLinks();
			case ClusterPackage.CLUSTER__SWITCHES:
				return getSwitches();
			case ClusterPackage.CLUSTER__ACL_TEMPLATES:
				return getAclTemplates();
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
			case ClusterPackage.CLUSTER__NAME:
				setName((String)newValue);
				return;
			case ClusterPackage.CLUSTER__PAGE_SIZE:
				setPageSize((Long)newValue);
				return;
			case ClusterPackage.CLUSTER__NODES:
				getNodes().clear();
				getNodes().addAll((Collection<? extends Node>)newValue);
				return;
			case ClusterPackage.CLUSTER__LINKS:
				getLinks().clear();
				getLinks().addAll((Collection<? extends Link>)newValue);
				return;
			case ClusterPackage.CLUSTER__SWITCHES:
				getSwitches().clear();
				getSwitches().addAll((Collection<? extends Switch>)newValue);
				return;
			case ClusterPackage.CLUSTER__ACL_TEMPLATES:
				getAclTemplates().clear();
				getAclTemplates().addAll((Collection<? extends AclTemplate>)newValue);
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
			case ClusterPackage.CLUSTER__NAME:
				setName(NAME_EDEFAULT);
				return;
			case ClusterPackage.CLUSTER__PAGE_SIZE:
				setPageSize(PAGE_SIZE_EDEFAULT);
				return;
			case ClusterPackage.CLUSTER__NODES:
				getNodes().clear();
				return;
			case ClusterPackage.CLUSTER__LINKS:
				getLinks().clear();
				return;
			case ClusterPackage.CLUSTER__SWITCHES:
				getSwitches().clear();
				return;
			case ClusterPackage.CLUSTER__ACL_TEMPLATES:
				getAclTemplates().clear();
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
			case ClusterPackage.CLUSTER__NAME:
				return NAME_EDEFAULT == null ? name != null : !NAME_EDEFAULT.equals(name);
			case ClusterPackage.CLUSTER__PAGE_SIZE:
				return pageSize != PAGE_SIZE_EDEFAULT;
			case ClusterPackage.CLUSTER__NODES:
				return nodes != null && !nodes.isEmpty();
			case ClusterPackage.CLUSTER__LINKS:
				return links != null && !links.isEmpty();
			case ClusterPackage.CLUSTER__SWITCHES:
				return switches != null && !switches.isEmpty();
			case ClusterPackage.CLUSTER__ACL_TEMPLATES:
				return aclTemplates != null && !aclTemplates.isEmpty();
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
		result.append(", pageSize: ");
		result.append(pageSize);
		result.append(')');
		return result.toString();
	}

} //ClusterImpl
