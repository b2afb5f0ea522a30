/**
 * The Clusters view (running clusters, their nodes, processes, controllers, exports and imports, with the
 * fault actions), the Attach to Cluster command and the fail-next-transfers dialog.
 */
package org.rsmworkbench.ui.internal.clusters;
