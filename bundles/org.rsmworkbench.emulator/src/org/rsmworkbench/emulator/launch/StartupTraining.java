package org.rsmworkbench.emulator.launch;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Set;

import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Barrier;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.IoVec;
import org.rsmworkbench.rsmapi.LocalMemoryHandle;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.rsmapi.ScatterGather;

/**
 * The training run of a {@link NodeStartupCache}: a JVM started with {@code -XX:AOTCacheOutput} that
 * does what node programs do first, so that the classes, lambdas and method handles of those paths are
 * in the cache. It owns a private two-node cluster, joins it with {@code Rsm.open()} as a node program
 * does, reads the topology, exports, connects, transfers (also scattered), uses a barrier and signals,
 * then leaves and exits normally (the JDK writes the cache at a normal exit).
 */
final class StartupTraining {
    private StartupTraining() {
    }

    public static void main(String[] args) throws Exception {
        try (EmulatedCluster cluster = EmulatedCluster.start(ClusterSpec.fullyConnected(2))) {
            Credentials user = new Credentials(1000, 1000, Set.of(), 022, false);
            RsmLibrary peer = cluster.process(2, user);
            ExportSegment remote = peer.getController("emu0").createExportSegment(peer.allocate(4096), 0);
            int remoteId = remote.publish(0, List.of(new AccessEntry(1, 0666)));

            // joining as a node JVM does: Rsm.open() reads the launcher's system properties
            for (String property : cluster.processArguments(1, user)) {
                String[] nameAndValue = property.substring("-D".length()).split("=", 2);
                System.setProperty(nameAndValue[0], nameAndValue[1]);
            }
            RsmLibrary node = Rsm.open();
            try {
                node.getInterconnectTopology();
                RsmController controller = node.getController("emu0");
                exportAndWithdraw(node, controller);
                ImportSegment imported = controller.connect(2, remoteId, Rsm.PERM_RDWR);
                transfer(imported);
                scatterGather(node, controller, imported);
                signal(imported);
                imported.disconnect();
            } finally {
                // a node JVM whose cluster stops while it has processes is halted (exit status 137): end them first
                node.close();
            }
            remote.unpublish();
            remote.destroy();
            peer.close();
        }
    }

    private static void exportAndWithdraw(RsmLibrary node, RsmController controller) throws RsmException {
        ExportSegment segment = controller.createExportSegment(node.allocate(8192), Rsm.ALLOW_REBIND);
        segment.publish(0, List.of(new AccessEntry(2, 0600)));
        segment.republish(List.of(new AccessEntry(2, 0644)));
        segment.unpublish();
        segment.destroy();
    }

    private static void transfer(ImportSegment imported) throws RsmException {
        MemorySegment mapped = imported.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, imported.size());
        mapped.set(java.lang.foreign.ValueLayout.JAVA_INT, 0, 7);
        imported.unmap();
        imported.setMode(BarrierMode.EXPLICIT);
        Barrier barrier = imported.initBarrier(BarrierType.SEGMENT);
        barrier.open();
        imported.put8(0, new byte[] {1, 2, 3, 4}, 4);
        imported.put32(8, new int[] {5}, 1);
        imported.put64(16, new long[] {6}, 1);
        imported.get8(0, new byte[4], 4);
        imported.get32(8, new int[1], 1);
        imported.get64(16, new long[1], 1);
        MemorySegment buffer = MemorySegment.ofArray(new byte[256]);
        imported.put(256, buffer);
        imported.get(256, buffer);
        barrier.order();
        barrier.close();
        barrier.destroy();
    }

    private static void scatterGather(RsmLibrary node, RsmController controller, ImportSegment imported) throws RsmException {
        MemorySegment local = node.allocate(4096);
        LocalMemoryHandle handle = controller.createLocalMemoryHandle(local);
        imported.putv(new ScatterGather(imported, 0).add(new IoVec.Local(local, 0, 0, 64))
                .add(new IoVec.Handle(handle, 64, 64, 64)));
        imported.getv(new ScatterGather(imported, 0).add(new IoVec.Handle(handle, 0, 0, 128)));
        controller.freeLocalMemoryHandle(handle);
    }

    private static void signal(ImportSegment imported) throws RsmException {
        imported.signalPost(0);
        imported.getPollFd();
        imported.releasePollFd();
        try {
            // no one answers: this sleeps on the futex briefly, the path a waiting node takes
            imported.signalWait(1);
        } catch (RsmException timeout) {
            // expected
        }
    }
}
