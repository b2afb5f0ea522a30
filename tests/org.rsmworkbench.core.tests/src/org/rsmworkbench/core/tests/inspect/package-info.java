/** Tests of org.rsmworkbench.core.inspect: segment rows, snapshots, search, transfers, writes and the permission matrix. */
package org.rsmworkbench.core.tests.inspect;
