// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rsmworkbench.distributed.internal.EmbeddedZooKeeper;
import org.rsmworkbench.distributed.internal.RegistrySecrets;
import org.rsmworkbench.distributed.internal.RootOfRegistries;
import org.rsmworkbench.distributed.internal.ZooKeeperBackend;

/**
 * A launch preparing the root of registries while another launch or user changes it: a launch's session whose reads of
 * the root's ACL let another session remove the root or change its ACL at a set moment makes the races deterministic.
 */
class RootOfRegistriesTest {
    private static final String ROOT = ZooKeeperBackend.ROOT;

    private EmbeddedZooKeeper ensemble;
    /** Another launch or user of the ensemble. */
    private ZooKeeper other;

    @BeforeEach
    void start() throws IOException {
        ensemble = EmbeddedZooKeeper.start();
        other = new ZooKeeper(ensemble.connectString(), ZooKeeperTests.SESSION_TIMEOUT_MILLIS, _ -> { });
    }

    @AfterEach
    void stop() throws InterruptedException {
        other.close();
        ensemble.close();
    }

    @Test
    void aRootRemovedBeforeItsAclIsReadIsMadeAgain() throws Exception {
        other.create(ROOT, new byte[0], RegistrySecrets.ROOT_ACL, CreateMode.PERSISTENT);
        List<String> warnings = prepare((call, read, path, stat) -> {
            if (call == 1) {
                other.delete(ROOT, -1); // empty between launches: anyone may remove it
            }
            return read.getACL(path, stat);
        });
        assertEquals(List.of(), warnings);
        assertEquals(RegistrySecrets.ROOT_ACL, other.getACL(ROOT, new Stat()));
    }

    @Test
    void aRootRemovedAtEachAttemptFailsTheLaunchSayingSo() throws Exception {
        other.create(ROOT, new byte[0], RegistrySecrets.ROOT_ACL, CreateMode.PERSISTENT);
        IOException e = assertThrows(IOException.class, () -> prepare((_, read, path, stat) -> {
            other.delete(ROOT, -1);
            try {
                return read.getACL(path, stat);
            } finally {
                other.create(ROOT, new byte[0], RegistrySecrets.ROOT_ACL, CreateMode.PERSISTENT); // there at the next create
            }
        }));
        assertTrue(e.getMessage().startsWith(ROOT + " in ZooKeeper kept being removed while this launch prepared it"),
                e.getMessage());
    }

    /**
     * The launch's change of the ACL is refused (the ACL that closed it no longer lets anyone change it); read again, the
     * ACL is closed: the launch that closed it said it found it open, this one has nothing to add.
     */
    @Test
    void aRootThatAnotherLaunchClosesBetweenTheReadAndTheChangeOfItsAclGetsNoWarning() throws Exception {
        assertEquals(List.of(), openRootWhoseAclIsChangedAfterTheRead(RegistrySecrets.ROOT_ACL));
        assertEquals(RegistrySecrets.ROOT_ACL, other.getACL(ROOT, new Stat()));
    }

    /**
     * The launch's change of the ACL fails (its version changed); read again, the ACL still lets anyone change it: the
     * launch closes it, and says so.
     */
    @Test
    void aRootStillOpenAfterItsAclChangedBetweenTheReadAndTheChangeIsClosed() throws Exception {
        List<String> warnings = openRootWhoseAclIsChangedAfterTheRead(ZooDefs.Ids.OPEN_ACL_UNSAFE);
        String warning = soleWarning(warnings);
        assertTrue(warning.startsWith(ROOT + " in ZooKeeper was found open")
                && warning.contains("; this launch gave it the ACL"), warning);
        assertEquals(RegistrySecrets.ROOT_ACL, other.getACL(ROOT, new Stat()));
    }

    /** Prepares a root made open, whose ACL the other session sets to {@code acl} once the launch has first read it. */
    private List<String> openRootWhoseAclIsChangedAfterTheRead(List<ACL> acl) throws Exception {
        other.create(ROOT, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        return prepare((call, read, path, stat) -> {
            List<ACL> found = read.getACL(path, stat);
            if (call == 1) {
                other.setACL(ROOT, acl, -1);
            }
            return found;
        });
    }

    @Test
    void aRootWhoseAclCannotBeReadIsWarnedOfAndTheLaunchGoesOn() throws Exception {
        other.create(ROOT, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        List<String> warnings = prepare((_, _, _, _) -> {
            throw new KeeperException.ConnectionLossException();
        });
        String warning = soleWarning(warnings);
        assertTrue(warning.startsWith("the ACL of " + ROOT + " in ZooKeeper could not be checked"
                + " (KeeperErrorCode = ConnectionLoss)"), warning);
    }

    /** A root whose ACL another session changes after each read, open again each time: warned of, the launch goes on. */
    @Test
    void aRootWhoseAclKeepsChangingIsWarnedOfAndTheLaunchGoesOn() throws Exception {
        other.create(ROOT, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        List<String> warnings = prepare((_, read, path, stat) -> {
            List<ACL> found = read.getACL(path, stat);
            other.setACL(ROOT, ZooDefs.Ids.OPEN_ACL_UNSAFE, -1); // its version moves on: the launch's change fails
            return found;
        });
        String warning = soleWarning(warnings);
        assertTrue(warning.startsWith("the ACL of " + ROOT + " in ZooKeeper kept changing while this launch checked"
                + " it"), warning);
    }

    /** A root found open whose change fails otherwise (the connection lost): the warning says it is open and what to do. */
    @Test
    void aRootFoundOpenWhoseAclCannotBeChangedSaysItIsOpen() throws Exception {
        other.create(ROOT, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        List<String> warnings = prepare(new KeeperException.ConnectionLossException(), (_, read, path, stat) -> read.getACL(path, stat));
        String warning = soleWarning(warnings);
        assertTrue(warning.startsWith(ROOT + " in ZooKeeper was found open") && warning
                .contains("; this launch could not change that (KeeperErrorCode = ConnectionLoss): have it given the ACL"),
                warning);
    }

    /** The one warning of {@code warnings}. */
    private static String soleWarning(List<String> warnings) {
        assertEquals(1, warnings.size(), warnings.toString());
        return warnings.getFirst();
    }

    /** Prepares the root through a session whose reads of an ACL are {@code race}'s; returns the launch's warnings. */
    private List<String> prepare(AclRace race) throws Exception {
        return prepare(null, race);
    }

    /** As {@link #prepare(AclRace)}, the session's changes of an ACL failing with {@code setAclFailure} unless null. */
    private List<String> prepare(KeeperException setAclFailure, AclRace race) throws Exception {
        List<String> warnings = new ArrayList<>();
        RacedSession launch = new RacedSession(ensemble.connectString(), race, setAclFailure);
        try {
            RootOfRegistries.prepare(launch, warnings::add);
        } finally {
            launch.close();
        }
        return warnings;
    }

    /** A read of a znode's ACL. */
    @FunctionalInterface
    private interface AclRead {
        List<ACL> getACL(String path, Stat stat) throws KeeperException, InterruptedException;
    }

    /** What the launch's session does at its {@code call}th (from 1) read of an ACL, given the read it would do. */
    @FunctionalInterface
    private interface AclRace {
        List<ACL> getACL(int call, AclRead read, String path, Stat stat) throws KeeperException, InterruptedException;
    }

    /** The launch's session, whose reads of an ACL are a race's, and whose changes of an ACL may fail. */
    private static final class RacedSession extends ZooKeeper {
        private final AclRace race;
        private final KeeperException setAclFailure;
        private int calls;

        RacedSession(String connectString, AclRace race, KeeperException setAclFailure) throws IOException {
            super(connectString, ZooKeeperTests.SESSION_TIMEOUT_MILLIS, _ -> { });
            this.race = race;
            this.setAclFailure = setAclFailure;
        }

        @Override
        public Stat setACL(String path, List<ACL> acl, int aclVersion) throws KeeperException, InterruptedException {
            if (setAclFailure != null) {
                throw setAclFailure;
            }
            return super.setACL(path, acl, aclVersion);
        }

        @Override
        public List<ACL> getACL(String path, Stat stat) throws KeeperException, InterruptedException {
            calls++;
            return race.getACL(calls, super::getACL, path, stat);
        }
    }
}
