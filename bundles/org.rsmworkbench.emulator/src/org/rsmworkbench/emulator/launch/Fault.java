// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rsmworkbench.emulator.EmulatedCluster;

/**
 * A fault that a launch injects into its cluster. {@link #toString()} gives the command-line syntax that
 * {@link #parse} reads (the part before {@code @} of a {@link ScheduledFault}):
 * {@code kill:2}, {@code restart:2}, {@code link-down:1/emu0-2/emu0}, {@code link-up:1/emu0-2/emu0},
 * {@code fail:1->2x3} (the next 3 transfers from node 1 to segments of node 2 fail).
 */
public sealed interface Fault {

    /** Applies the fault to the running cluster. */
    void applyTo(EmulatedCluster cluster);

    /** The nodes that the fault names (checked against the cluster by {@link LaunchPlan.Builder}). */
    List<Integer> nodes();

    /** What the fault does, in words, for logs and dialogs: "kill node 2", "take link 1:emu0 - 2:emu0 down". */
    String describe();

    /** Node down: its node JVMs exit with status 137, its segments vanish. */
    record KillNode(int node) implements Fault {
        @Override
        public void applyTo(EmulatedCluster cluster) {
            cluster.killNode(node);
        }

        @Override
        public List<Integer> nodes() {
            return List.of(node);
        }

        @Override
        public String describe() {
            return "kill node " + node;
        }

        @Override
        public String toString() {
            return "kill:" + node;
        }
    }

    /** A killed node comes up again, empty (a launch then starts the node's program again, see {@link FaultInjector}). */
    record RestartNode(int node) implements Fault {
        @Override
        public void applyTo(EmulatedCluster cluster) {
            cluster.restartNode(node);
        }

        @Override
        public List<Integer> nodes() {
            return List.of(node);
        }

        @Override
        public String describe() {
            return "restart node " + node;
        }

        @Override
        public String toString() {
            return "restart:" + node;
        }
    }

    /** Takes the link between two controllers down or up. */
    record SetLink(int nodeA, String controllerA, int nodeB, String controllerB, boolean up) implements Fault {
        public SetLink {
            Objects.requireNonNull(controllerA, "controllerA");
            Objects.requireNonNull(controllerB, "controllerB");
        }

        @Override
        public void applyTo(EmulatedCluster cluster) {
            cluster.setLink(nodeA, controllerA, nodeB, controllerB, up);
        }

        @Override
        public List<Integer> nodes() {
            return List.of(nodeA, nodeB);
        }

        /** "1:emu0 - 2:emu0", as the views name links. */
        public String linkName() {
            return nodeA + ":" + controllerA + " - " + nodeB + ":" + controllerB;
        }

        @Override
        public String describe() {
            return (up ? "bring link " : "take link ") + linkName() + (up ? " up" : " down");
        }

        @Override
        public String toString() {
            return (up ? "link-up:" : "link-down:") + nodeA + "/" + controllerA + "-" + nodeB + "/" + controllerB;
        }
    }

    /** The next {@code count} transfers from a process on the importer node to a segment of the exporter node fail. */
    record FailTransfers(int importerNode, int exporterNode, int count) implements Fault {
        public FailTransfers {
            if (count < 1) {
                throw new IllegalArgumentException("a transfer fault needs a count of at least 1, not " + count);
            }
        }

        @Override
        public void applyTo(EmulatedCluster cluster) {
            cluster.failNextTransfers(importerNode, exporterNode, count);
        }

        @Override
        public List<Integer> nodes() {
            return List.of(importerNode, exporterNode);
        }

        @Override
        public String describe() {
            return "fail the next " + (count == 1 ? "transfer" : count + " transfers") + " from node " + importerNode
                    + " to node " + exporterNode;
        }

        @Override
        public String toString() {
            return "fail:" + importerNode + "->" + exporterNode + "x" + count;
        }
    }

    /** The syntax of every kind, for messages. */
    String SYNTAX = "kill:N, restart:N, link-down:A/CTLR-B/CTLR, link-up:A/CTLR-B/CTLR or fail:IMPORTER->EXPORTERxCOUNT";

    /** Reads {@code kill:2}, {@code link-down:1/emu0-2/emu0}, {@code fail:1->2x3} and so on. */
    static Fault parse(String text) {
        Matcher m = Syntax.NODE.matcher(text);
        if (m.matches()) {
            int node = Syntax.number(m.group(2), text);
            return m.group(1).equals("kill") ? new KillNode(node) : new RestartNode(node);
        }
        m = Syntax.LINK.matcher(text);
        if (m.matches()) {
            return new SetLink(Syntax.number(m.group(2), text), m.group(3), Syntax.number(m.group(4), text), m.group(5),
                    m.group(1).equals("up"));
        }
        m = Syntax.FAIL.matcher(text);
        if (m.matches()) {
            return new FailTransfers(Syntax.number(m.group(1), text), Syntax.number(m.group(2), text),
                    Syntax.number(m.group(3), text));
        }
        throw new IllegalArgumentException("fault \"" + text + "\" is not one of " + SYNTAX);
    }

    /** The patterns of {@link #parse}; a holder because interfaces cannot have private fields. */
    final class Syntax {
        private static final Pattern NODE = Pattern.compile("(kill|restart):(\\w+)");
        private static final Pattern LINK = Pattern.compile("link-(down|up):(\\w+)/([A-Za-z]+[0-9]*)-(\\w+)/([A-Za-z]+[0-9]*)");
        private static final Pattern FAIL = Pattern.compile("fail:(\\w+)->(\\w+)x(\\w+)");

        private Syntax() {
        }

        private static int number(String digits, String text) {
            if (!digits.matches("[0-9]{1,9}")) {
                throw new IllegalArgumentException("fault \"" + text + "\": \"" + digits + "\" is not a number");
            }
            return Integer.parseInt(digits);
        }
    }
}
