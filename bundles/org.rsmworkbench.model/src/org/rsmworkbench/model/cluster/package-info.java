// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The design-time cluster model (generated from model/cluster.ecore): Cluster, Node, Controller, Link,
 * Switch, ACL templates and Credentials, saved as {@code .rsmcluster} files. API (provisional until 1.0).
 */
package org.rsmworkbench.model.cluster;
