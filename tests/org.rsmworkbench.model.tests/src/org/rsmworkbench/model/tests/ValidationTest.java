// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.*;
import static org.rsmworkbench.model.ClusterValidation.*;

import java.util.List;

import org.eclipse.emf.common.util.Diagnostic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rsmworkbench.model.ClusterShapes;
import org.rsmworkbench.model.ClusterValidation;
import org.rsmworkbench.model.cluster.AccessEntry;
import org.rsmworkbench.model.cluster.AclTemplate;
import org.rsmworkbench.model.cluster.Cluster;
import org.rsmworkbench.model.cluster.ClusterFactory;
import org.rsmworkbench.model.cluster.Controller;
import org.rsmworkbench.model.cluster.Credentials;
import org.rsmworkbench.model.cluster.Link;
import org.rsmworkbench.model.cluster.Node;
import org.rsmworkbench.model.cluster.Switch;

/** One test per rule of the validator, each with a model that keeps the rule and one that breaks it. */
class ValidationTest {
    private static final ClusterFactory F = ClusterFactory.eINSTANCE;
    private Cluster cluster;

    @BeforeEach
    void fourNodesFullyConnected() {
        cluster = ClusterShapes.fullyConnected(4);
    }

    private List<Diagnostic> problems() {
        return ClusterValidation.validate(cluster).getChildren();
    }

    private Diagnostic only(int code) {
        List<Diagnostic> found = problems().stream().filter(d -> d.getCode() == code && SOURCE.equals(d.getSource())).toList();
        assertEquals(1, found.size(), () -> "expected one diagnostic " + code + " in " + messages());
        return found.get(0);
    }

    private void none(int code) {
        assertTrue(problems().stream().noneMatch(d -> d.getCode() == code && SOURCE.equals(d.getSource())), this::messages);
    }

    private String messages() {
        return problems().stream().map(Diagnostic::getMessage).toList().toString();
    }

    private void assertNamesAndFixes(Diagnostic d, Object object, String... words) {
        assertSame(object, d.getData().get(0), "the diagnostic's first datum is the object at fault");
        for (String word : words) {
            assertTrue(d.getMessage().contains(word), () -> d.getMessage() + " should contain " + word);
        }
    }

    @Test
    void shapesAreValid() {
        for (ClusterShapes.Shape shape : ClusterShapes.Shape.values()) {
            cluster = ClusterShapes.create("c", shape, 9);
            assertEquals(Diagnostic.OK, ClusterValidation.validate(cluster).getSeverity(), shape + ": " + messages());
        }
    }

    @Test
    void clusterName() {
        none(CLUSTER_NAME);
        cluster.setName(" ");
        Diagnostic d = only(CLUSTER_NAME);
        assertEquals(Diagnostic.ERROR, d.getSeverity());
        assertNamesAndFixes(d, cluster, "no name", "give it one");
    }

    @ParameterizedTest
    @ValueSource(longs = { 0, 2048, 5000, -4096 })
    void pageSize(long bad) {
        none(PAGE_SIZE);
        cluster.setPageSize(8192);
        none(PAGE_SIZE);
        cluster.setPageSize(bad);
        assertNamesAndFixes(only(PAGE_SIZE), cluster, String.valueOf(bad), "power of two");
    }

    @Test
    void uniqueNodeIds() {
        none(DUPLICATE_NODE_ID);
        Node third = cluster.getNodes().get(2);
        third.setId(1);
        Diagnostic d = only(DUPLICATE_NODE_ID);
        assertEquals(Diagnostic.ERROR, d.getSeverity());
        assertNamesAndFixes(d, third, "Node 1 (\"node3\")", "same id as Node 1 (\"node1\")", "unused id");
    }

    @Test
    void negativeNodeIdIsAnError() {
        Node node = cluster.getNodes().get(0);
        node.setId(0);
        none(NEGATIVE_NODE_ID);
        node.setId(-1);
        Diagnostic d = only(NEGATIVE_NODE_ID);
        assertEquals(Diagnostic.ERROR, d.getSeverity());
        assertNamesAndFixes(d, node, "Node -1", "0 to 63");
    }

    @Test
    void nodeIdBeyondTheEmulatorIsAWarning() {
        Node node = cluster.getNodes().get(0);
        node.setId(63);
        none(NODE_ID_BEYOND_EMULATOR);
        node.setId(64);
        Diagnostic d = only(NODE_ID_BEYOND_EMULATOR);
        assertEquals(Diagnostic.WARNING, d.getSeverity());
        assertNamesAndFixes(d, node, "Node 64", "emulator runs node ids 0 to 63", "at most 64 nodes", "below 64");
        assertEquals(Diagnostic.WARNING, ClusterValidation.validate(cluster).getSeverity());
    }

    @ParameterizedTest
    @ValueSource(strings = { "0emu", "emu0x", "emu-0", "", "loopback", "LoopBack", "e m u" })
    void controllerName(String bad) {
        Controller c = cluster.getNodes().get(1).getControllers().get(0);
        for (String good : List.of("emu0", "wrsm12", "X", "abc")) {
            c.setName(good);
            none(CONTROLLER_NAME);
        }
        c.setName(bad);
        assertNamesAndFixes(only(CONTROLLER_NAME), c, "Controller \"" + bad + "\" of node 2", "rename");
    }

    @Test
    void controllerNamesUniquePerNode() {
        Node node = cluster.getNodes().get(0);
        Controller second = F.createController();
        second.setName("emu1");
        node.getControllers().add(second);
        none(DUPLICATE_CONTROLLER_NAME);
        cluster.getNodes().get(1).getControllers().get(0).setName("emu1"); // same name on another node is fine
        none(DUPLICATE_CONTROLLER_NAME);
        second.setName("EMU0");
        assertNamesAndFixes(only(DUPLICATE_CONTROLLER_NAME), second, "Controller \"EMU0\" of node 1", "rename");
    }

    @Test
    void linkEndsMustBeControllersOfThisCluster() {
        none(LINK_END_MISSING);
        Link link = cluster.getLinks().get(0);
        Controller stray = F.createController();
        stray.setName("emu7");
        link.setControllerB(stray);
        Diagnostic d = only(LINK_END_MISSING);
        assertNamesAndFixes(d, link, "controllerB", "pick an existing controller or delete the link");
        link.setControllerB(null);
        assertNamesAndFixes(only(LINK_END_MISSING), link, "(none)");
    }

    @Test
    void linksJoinDifferentNodes() {
        Node node = cluster.getNodes().get(0);
        Controller second = F.createController();
        second.setName("emu1");
        node.getControllers().add(second);
        none(LINK_SAME_NODE);
        Link link = cluster.getLinks().get(0);
        link.setControllerB(second);
        assertNamesAndFixes(only(LINK_SAME_NODE), link, "1:emu0 - 1:emu1", "same node");
    }

    @Test
    void switchPortsMustBeControllersOfThisCluster() {
        cluster = ClusterShapes.singleSwitch(4);
        none(SWITCH_PORT);
        Switch sw = cluster.getSwitches().get(0);
        Cluster other = ClusterShapes.singleSwitch(2);
        sw.getPorts().add(other.getNodes().get(0).getControllers().get(0));
        assertNamesAndFixes(only(SWITCH_PORT), sw, "Switch \"switch0\"", "port 4");
        sw.getPorts().remove(4);
        sw.setName("");
        assertNamesAndFixes(only(SWITCH_NAME), sw, "no name");
    }

    private AclTemplate template(String name, int... nodePermissionPairs) {
        AclTemplate t = F.createAclTemplate();
        t.setName(name);
        for (int i = 0; i < nodePermissionPairs.length; i += 2) {
            AccessEntry e = F.createAccessEntry();
            e.setNode(nodePermissionPairs[i]);
            e.setPermission(nodePermissionPairs[i + 1]);
            t.getEntries().add(e);
        }
        cluster.getAclTemplates().add(t);
        return t;
    }

    @Test
    void aclTemplateNames() {
        AclTemplate readers = template("readers", 1, 0444);
        AclTemplate second = template("writers", 2, 0222);
        none(ACL_TEMPLATE_NAME);
        none(DUPLICATE_ACL_TEMPLATE_NAME);
        second.setName("readers");
        assertNamesAndFixes(only(DUPLICATE_ACL_TEMPLATE_NAME), second, "ACL template \"readers\"", "rename");
        readers.setName(null);
        assertNamesAndFixes(only(ACL_TEMPLATE_NAME), readers, "no name", "give it one");
    }

    @Test
    void atMost64AclEntries() {
        for (int i = 5; i <= 64; i++) {
            Node n = F.createNode();
            n.setId(i);
            n.setHostname("n" + i);
            cluster.getNodes().add(n);
        }
        int[] pairs = new int[2 * 64];
        for (int i = 0; i < 64; i++) {
            pairs[2 * i] = i + 1;
            pairs[2 * i + 1] = 0600;
        }
        AclTemplate t = template("all", pairs);
        none(TOO_MANY_ACL_ENTRIES);
        AccessEntry extra = F.createAccessEntry();
        extra.setNode(1);
        t.getEntries().add(extra);
        assertNamesAndFixes(only(TOO_MANY_ACL_ENTRIES), t, "65 entries", "at most 64", "remove 1");
    }

    @Test
    void aclEntriesForExistingNodes() {
        AclTemplate t = template("t", 1, 0600, 4, 0400);
        none(ACL_ENTRY_NODE);
        t.getEntries().get(1).setNode(5);
        assertNamesAndFixes(only(ACL_ENTRY_NODE), t.getEntries().get(1), "ACL entry 2 of ACL template \"t\"", "node 5",
                "add that node");
    }

    @ParameterizedTest
    @ValueSource(ints = { 0700, 0777, 0601, 0640 | 01, 01000, -1, 0670, 0061 })
    void aclPermissions(int bad) {
        AclTemplate t = template("t", 1, 0);
        for (int good : new int[] { 0, 0666, 0600, 0640, 0624, 0400, 0222, 0060, 0006 }) {
            t.getEntries().get(0).setPermission(good);
            none(ACL_ENTRY_PERMISSION);
        }
        t.getEntries().get(0).setPermission(bad);
        assertNamesAndFixes(only(ACL_ENTRY_PERMISSION), t.getEntries().get(0), "ACL entry 1", "0666", "0640");
    }

    @Test
    void credentialsIds() {
        Credentials c = cluster.getNodes().get(2).getDefaultCredentials();
        c.setUid(0);
        c.setGid(0);
        c.getGroups().add(0);
        none(CREDENTIALS_ID);
        c.setUid(-5);
        assertNamesAndFixes(only(CREDENTIALS_ID), c, "default credentials of node 3", "uid -5");
        c.setUid(5);
        c.setGid(-1);
        assertNamesAndFixes(only(CREDENTIALS_ID), c, "gid -1");
        c.setGid(1);
        c.getGroups().add(-7);
        assertNamesAndFixes(only(CREDENTIALS_ID), c, "group -7");
    }

    @Test
    void credentialsUmask() {
        Credentials c = cluster.getNodes().get(0).getDefaultCredentials();
        c.setUmask(0777);
        none(CREDENTIALS_UMASK);
        c.setUmask(0);
        none(CREDENTIALS_UMASK);
        c.setUmask(01000);
        assertNamesAndFixes(only(CREDENTIALS_UMASK), c, "umask 01000", "0000 to 0777");
        c.setUmask(-1);
        only(CREDENTIALS_UMASK);
    }

    @Test
    void linkLimitOfTheEmulatorIsAWarning() {
        cluster = ClusterShapes.singleSwitch(91); // 91*90/2 = 4095 links
        none(TOO_MANY_LINKS);
        Node n = F.createNode();
        n.setId(92);
        n.setHostname("x");
        Controller c = F.createController();
        c.setName("emu0");
        n.getControllers().add(c);
        cluster.getNodes().add(n);
        cluster.getLinks().add(link(cluster.getNodes().get(0).getControllers().get(0), c));
        none(TOO_MANY_LINKS); // 4096
        cluster.getSwitches().get(0).getPorts().add(c); // +91
        Diagnostic d = only(TOO_MANY_LINKS);
        assertEquals(Diagnostic.WARNING, d.getSeverity());
        assertNamesAndFixes(d, cluster, "4187 links", "at most 4096");
    }

    private static Link link(Controller a, Controller b) {
        Link link = F.createLink();
        link.setControllerA(a);
        link.setControllerB(b);
        return link;
    }
}
