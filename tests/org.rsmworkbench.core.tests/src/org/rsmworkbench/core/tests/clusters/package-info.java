/** Tests of org.rsmworkbench.core.clusters: watched clusters, polling, the cluster tree, publish history, nodes going down. */
package org.rsmworkbench.core.tests.clusters;
