/**
 * The design-time cluster model (generated from model/cluster.ecore): Cluster, Node, Controller, Link,
 * Switch, ACL templates and Credentials, saved as {@code .rsmcluster} files.
 */
package org.rsmworkbench.model.cluster;
