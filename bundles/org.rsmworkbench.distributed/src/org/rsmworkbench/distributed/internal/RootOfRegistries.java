// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.internal;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Stat;

/**
 * How a launch prepares {@link ZooKeeperBackend#ROOT}, the znode of an ensemble below which launched clusters keep their
 * registries, before it makes its own there; public for the tests, which race other sessions against it.
 */
public final class RootOfRegistries {
    /**
     * How many times a launch makes or reads the root before it gives up: other launches and users of the ensemble may
     * remove it (anyone may, while it is empty) or change its ACL (a launch closes it) in between, seldom twice in a row;
     * a change of its ACL that was refused is decided on a second read.
     */
    static final int ATTEMPTS = 3;

    private RootOfRegistries() {
    }

    /**
     * Makes {@link ZooKeeperBackend#ROOT} with {@link RegistrySecrets#ROOT_ACL}, or, found there, gives it that ACL when
     * its ACL lets anyone change it (an older launcher made it open): any user of the ensemble could then close it to
     * every launch. Says so to {@code warnings}, and whether it was closed: this launch cannot when the ACL does not let
     * it change the ACL. The check is advisory: when it fails, it says so to {@code warnings} and the launch goes on
     * (making the registry in the root then succeeds, or fails saying why).
     *
     * @throws IOException when the root was still being removed after {@link #ATTEMPTS} attempts (one whose ACL kept
     *             changing is warned of)
     */
    public static void prepare(ZooKeeper zooKeeper, Consumer<String> warnings) throws KeeperException, InterruptedException,
            IOException {
        String root = ZooKeeperBackend.ROOT;
        int refusedVersion = -1; // the version of the ACL that refused this launch's change, if one did
        boolean removed = false; // whether the last attempt found the root removed
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            removed = false;
            try {
                zooKeeper.create(root, new byte[0], RegistrySecrets.ROOT_ACL, CreateMode.PERSISTENT);
                return;
            } catch (KeeperException.NodeExistsException e) {
                // made by an earlier launch, maybe an older launcher that made it open
            }
            Stat stat = new Stat();
            List<ACL> acl = null; // null until read: a NoAuth before is the read's, after it the change's
            try {
                acl = zooKeeper.getACL(root, stat);
                if (acl.stream().noneMatch(RootOfRegistries::letsAnyoneChange)) {
                    return; // maybe closed by a concurrent launch since this one found it open: that launch said so
                }
                if (stat.getAversion() == refusedVersion) {
                    warnings.accept(couldNotClose(acl, "its ACL does not let it"));
                    return;
                }
                zooKeeper.setACL(root, RegistrySecrets.ROOT_ACL, stat.getAversion());
                warnings.accept(foundOpen(acl) + "; this launch gave it the ACL " + intended() + " (anyone may list, add and"
                        + " remove clusters there, nobody may change it)");
                return;
            } catch (KeeperException.NoNodeException e) {
                removed = true; // removed since it was found: made again
            } catch (KeeperException.BadVersionException e) {
                // its ACL changed since it was read: read again
            } catch (KeeperException.NoAuthException e) {
                if (acl == null) {
                    return; // closed to this user: making the registry in it fails, saying what to do
                }
                // refused by the ACL read, or by the one a concurrent launch gave it since (it closed it): read again
                refusedVersion = stat.getAversion();
            } catch (KeeperException e) {
                warnings.accept(acl != null ? couldNotClose(acl, e.getMessage()) : "the ACL of " + root + " in ZooKeeper could"
                        + " not be checked (" + e.getMessage() + "): if it lets anyone change it, any user of the ensemble can"
                        + " close it to every launch");
                return;
            }
        }
        if (removed) {
            throw new IOException(root + " in ZooKeeper kept being removed while this launch prepared it (by other launches or"
                    + " users of the ensemble): try again, or use another ensemble");
        }
        // it is there: the check is advisory, the launch goes on
        warnings.accept("the ACL of " + root + " in ZooKeeper kept changing while this launch checked it (other launches or"
                + " users of the ensemble changed it): if it lets anyone change it, any user of the ensemble can close it to"
                + " every launch");
    }

    /** The warning of a root found open whose ACL this launch could not change, {@code why}, and what to do. */
    private static String couldNotClose(List<ACL> acl, String why) {
        String root = ZooKeeperBackend.ROOT;
        return foundOpen(acl) + "; this launch could not change that (" + why + "): have it given the ACL " + intended()
                + " (zkCli: setAcl " + root + " " + intended() + "), or removed while no cluster runs (zkCli: deleteall "
                + root + ")";
    }

    private static String foundOpen(List<ACL> acl) {
        return ZooKeeperBackend.ROOT + " in ZooKeeper was found open: its ACL (" + RegistrySecrets.describe(acl) + ", as an"
                + " older launcher or another user made it) lets anyone who reaches the ensemble change its data or its ACL,"
                + " and so close it to every launch";
    }

    private static String intended() {
        return RegistrySecrets.describe(RegistrySecrets.ROOT_ACL);
    }

    /** Whether {@code entry} lets anyone (world), or anyone at an address (ip), change a znode's data or ACL. */
    private static boolean letsAnyoneChange(ACL entry) {
        String scheme = entry.getId().getScheme();
        return (scheme.equals("world") || scheme.equals("ip"))
                && (entry.getPerms() & (ZooDefs.Perms.WRITE | ZooDefs.Perms.ADMIN)) != 0;
    }
}
