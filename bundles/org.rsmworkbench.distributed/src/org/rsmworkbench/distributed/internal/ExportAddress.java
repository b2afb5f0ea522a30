// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.internal;

/**
 * Where importers reach the memory of a published segment through UCX, as its znode says: the exporter's host, its UCX
 * worker address, the segment's address in the exporter's memory and the remote key of its registration, which binding
 * of the segment that memory is ({@code binding}: how many times it was rebound since its publish), and the address and
 * remote key of the exporting process's connect mark ({@link UcxDataPath#connectMark}).
 */
record ExportAddress(String host, byte[] worker, long address, byte[] remoteKey, long binding, long markAddress, byte[] markKey) {
}
