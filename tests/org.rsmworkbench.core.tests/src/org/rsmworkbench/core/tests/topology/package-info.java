/** Tests of org.rsmworkbench.core.topology: the layout of the Topology view and what lies under a point. */
package org.rsmworkbench.core.tests.topology;
