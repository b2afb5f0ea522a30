/**
 * The geometry of the Topology view, without a display: {@link org.rsmworkbench.core.topology.TopologyLayout}
 * places nodes on a circle, their controllers on each node's rim and links between controllers, and answers
 * which node or link is under a point.
 */
package org.rsmworkbench.core.topology;
