// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.ControllerSpec;
import org.rsmworkbench.emulator.LinkSpec;
import org.rsmworkbench.emulator.NodeSpec;
import org.rsmworkbench.rsmapi.ControllerAttributes;

/**
 * A cluster's spec as properties (nodes with their controllers and attributes, links): what {@code cluster.properties}
 * holds besides its directories, and what a distributed cluster's registry keeps in its root znode so that an observer
 * knows the cluster from the registry alone.
 */
public final class SpecText {
    private SpecText() {
    }

    static Properties properties(ClusterSpec spec) {
        Properties p = new Properties();
        p.setProperty("name", spec.name());
        p.setProperty("pageSize", Long.toString(spec.pageSize()));
        for (int i = 0; i < spec.nodes().size(); i++) {
            NodeSpec node = spec.nodes().get(i);
            p.setProperty("node." + i + ".id", Integer.toString(node.id()));
            p.setProperty("node." + i + ".hostname", node.hostname());
            for (int c = 0; c < node.controllers().size(); c++) {
                ControllerSpec controller = node.controllers().get(c);
                ControllerAttributes a = controller.attributes();
                p.setProperty("node." + i + ".controller." + c + ".name", controller.name());
                p.setProperty("node." + i + ".controller." + c + ".attributes",
                        a.directAccessSizes() + "," + a.atomicSizes() + "," + a.pageSize() + ","
                                + a.maxExportSegmentSize() + "," + a.totalExportSegmentSize() + ","
                                + a.maxExportSegments() + "," + a.maxImportMapSize() + ","
                                + a.totalImportMapSize() + "," + a.maxImportSegments());
            }
        }
        for (int i = 0; i < spec.links().size(); i++) {
            LinkSpec l = spec.links().get(i);
            p.setProperty("link." + i, l.nodeA() + " " + l.controllerA() + " " + l.nodeB() + " " + l.controllerB());
        }
        return p;
    }

    /**
     * The spec those properties describe, checked as a started cluster's is.
     *
     * @throws IllegalArgumentException when they describe none (the message says what is wrong)
     */
    static ClusterSpec spec(Properties p) {
        try {
            List<NodeSpec> nodes = new ArrayList<>();
            for (int i = 0; p.containsKey("node." + i + ".id"); i++) {
                List<ControllerSpec> controllers = new ArrayList<>();
                for (int c = 0; p.containsKey("node." + i + ".controller." + c + ".name"); c++) {
                    String[] a = p.getProperty("node." + i + ".controller." + c + ".attributes").split(",");
                    controllers.add(new ControllerSpec(p.getProperty("node." + i + ".controller." + c + ".name"),
                            new ControllerAttributes(Integer.parseInt(a[0]), Integer.parseInt(a[1]), Long.parseLong(a[2]),
                                    Long.parseLong(a[3]), Long.parseLong(a[4]), Long.parseLong(a[5]),
                                    Long.parseLong(a[6]), Long.parseLong(a[7]), Long.parseLong(a[8]))));
                }
                nodes.add(new NodeSpec(Integer.parseInt(p.getProperty("node." + i + ".id")),
                        p.getProperty("node." + i + ".hostname"), controllers));
            }
            List<LinkSpec> links = new ArrayList<>();
            for (int i = 0; p.containsKey("link." + i); i++) {
                String[] l = p.getProperty("link." + i).split(" ");
                links.add(new LinkSpec(Integer.parseInt(l[0]), l[1], Integer.parseInt(l[2]), l[3]));
            }
            ClusterSpec spec = new ClusterSpec(p.getProperty("name"), Long.parseLong(p.getProperty("pageSize")), nodes, links);
            // what the registry's tables are indexed by (node ids, link indexes) must fit them
            SpecValidation.check(spec);
            return spec;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.toString(), e);
        }
    }

    /** The spec as the text of a properties file (UTF-8). */
    public static byte[] encode(ClusterSpec spec) {
        StringWriter text = new StringWriter();
        try {
            properties(spec).store(text, "RSM Workbench cluster spec");
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The spec {@link #encode} wrote.
     *
     * @throws IllegalArgumentException when the text describes no valid spec (the message says what is wrong)
     */
    public static ClusterSpec decode(byte[] text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(text, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return spec(p);
    }
}
