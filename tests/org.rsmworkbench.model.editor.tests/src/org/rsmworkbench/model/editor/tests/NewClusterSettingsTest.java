// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.editor.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rsmworkbench.model.ClusterShapes.Shape;
import org.rsmworkbench.model.cluster.Cluster;
import org.rsmworkbench.model.cluster.Credentials;
import org.rsmworkbench.model.editor.internal.wizard.NewClusterSettings;
import org.rsmworkbench.model.editor.internal.wizard.NewClusterSettings.Field;
import org.rsmworkbench.model.editor.internal.wizard.NewClusterSettings.Message;

/** The checks of the New RSM Cluster page, field by field, against a fake workspace. */
class NewClusterSettingsTest {
    /** A workspace with the folder /p holding existing.rsmcluster, and the closed project /closed. */
    private static final NewClusterSettings.Workspace WORKSPACE = new NewClusterSettings.Workspace() {
        @Override
        public String checkContainer(String path) {
            return path.equals("/p") ? null : path.equals("/closed") ? "The project 'closed' is closed" : "The folder '" + path + "' does not exist";
        }

        @Override
        public String checkFileName(String name) {
            return name.contains("*") ? "* is an invalid character" : null;
        }

        @Override
        public boolean exists(String folder, String name) {
            return name.equals("existing.rsmcluster");
        }
    };

    private static NewClusterSettings valid() {
        NewClusterSettings s = new NewClusterSettings();
        s.container = "/p";
        s.fileName = "lab.rsmcluster";
        s.clusterName = "lab";
        return s;
    }

    private static List<Message> errors(NewClusterSettings s, Field field) {
        return s.validate(WORKSPACE).stream().filter(m -> m.error() && m.field() == field).toList();
    }

    @Test
    void theDefaultsInAFolderAreValid() {
        assertEquals(List.of(), valid().validate(WORKSPACE));
    }

    @Test
    void everyWrongFieldHasItsMessage() {
        NewClusterSettings s = new NewClusterSettings();
        s.container = "";
        s.fileName = "";
        s.clusterName = " ";
        s.nodeCount = "four";
        s.uid = "-1";
        s.gid = "x";
        s.umask = "0999";
        List<Message> messages = s.validate(WORKSPACE);
        assertEquals(List.of(Field.CONTAINER, Field.FILE_NAME, Field.CLUSTER_NAME, Field.NODE_COUNT, Field.UID, Field.GID, Field.UMASK),
                messages.stream().map(Message::field).toList());
        assertTrue(messages.stream().allMatch(Message::error));
        assertEquals("The node count must be a whole number, not 'four'.", messages.get(3).text());
        assertTrue(messages.get(6).text().contains("octal"));
    }

    @Test
    void folders() {
        NewClusterSettings s = valid();
        s.container = "/nowhere";
        assertEquals("The folder '/nowhere' does not exist", errors(s, Field.CONTAINER).get(0).text());
        s.container = "/closed";
        assertEquals(1, errors(s, Field.CONTAINER).size());
    }

    @Test
    void fileNames() {
        NewClusterSettings s = valid();
        s.fileName = "existing.rsmcluster";
        assertTrue(errors(s, Field.FILE_NAME).get(0).text().contains("already exists"));
        s.fileName = "existing";
        assertEquals("existing.rsmcluster", s.normalizedFileName());
        assertEquals(1, errors(s, Field.FILE_NAME).size(), "the extension is added before the check");
        s.fileName = "notes.txt";
        assertTrue(errors(s, Field.FILE_NAME).get(0).text().contains(".rsmcluster"));
        s.fileName = "a/b.rsmcluster";
        assertEquals(1, errors(s, Field.FILE_NAME).size());
        s.fileName = "a*.rsmcluster";
        assertEquals("* is an invalid character", errors(s, Field.FILE_NAME).get(0).text());
        s.fileName = "fresh";
        assertEquals(List.of(), errors(s, Field.FILE_NAME));
    }

    @Test
    void nodeCountsAndShapes() {
        NewClusterSettings s = valid();
        s.nodeCount = "0";
        assertEquals(1, errors(s, Field.NODE_COUNT).size());
        s.nodeCount = "1025";
        assertEquals(1, errors(s, Field.NODE_COUNT).size());
        s.nodeCount = "100";
        s.shape = Shape.FULLY_CONNECTED;
        List<Message> warnings = s.validate(WORKSPACE);
        assertTrue(warnings.stream().noneMatch(Message::error));
        assertEquals(List.of(Field.NODE_COUNT, Field.SHAPE), warnings.stream().map(Message::field).toList());
        s.shape = Shape.SWITCH;
        s.nodeCount = "64";
        assertTrue(s.validate(WORKSPACE).isEmpty());
        assertEquals(4950, NewClusterSettings.linkCount(Shape.FULLY_CONNECTED, 100));
        assertEquals(5, NewClusterSettings.linkCount(Shape.TWO_SWITCHES, 5));
        assertEquals(3, NewClusterSettings.linkCount(Shape.RING, 3));
    }

    @Test
    void credentials() {
        NewClusterSettings s = valid();
        s.umask = "0777";
        assertEquals(List.of(), errors(s, Field.UMASK));
        s.umask = "01000";
        assertEquals(1, errors(s, Field.UMASK).size());
        s.umask = "027";
        s.uid = "0";
        s.gid = "50";
        s.privileged = true;
        s.nodeCount = "3";
        s.shape = Shape.RING;
        Cluster cluster = s.createCluster();
        assertEquals("lab", cluster.getName());
        assertEquals(3, cluster.getNodes().size());
        assertEquals(3, cluster.getLinks().size());
        Credentials c = cluster.getNodes().get(2).getDefaultCredentials();
        assertEquals(0, c.getUid());
        assertEquals(50, c.getGid());
        assertEquals(027, c.getUmask());
        assertTrue(c.isPrivileged());
    }
}
