/** UI tests of org.rsmworkbench.ui (UI harness): the views of a running cluster, the Segment Inspector, preferences. */
package org.rsmworkbench.ui.tests;
