/**
 * Generated implementation classes of the cluster model. Not API: use the interfaces and {@code ClusterFactory}.
 */
package org.rsmworkbench.model.cluster.internal.impl;
