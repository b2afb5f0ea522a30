// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rsmworkbench.rsmapi.Credentials;

/**
 * The text forms of a cluster launch configuration, parsed and checked: node sets ({@code 1,3}, {@code 1-3,5}),
 * per-node settings ({@code NODE:KEY=VALUE}, as {@code rsm-launch --node}) and credentials
 * ({@code uid=1000 gid=1000 groups=10,20 umask=022 privileged=false}). Every parse error is an
 * {@link IllegalArgumentException} whose message names the line and says what is wrong, for the launch dialog.
 */
public final class NodeSettings {
    private NodeSettings() {
    }

    /** The keys of program settings. */
    public static final Set<String> PROGRAM_KEYS = Set.of("main", "args", "jvm");
    /** The keys of credential settings. */
    public static final Set<String> CREDENTIAL_KEYS = Set.of("uid", "gid", "groups", "umask", "privileged");

    private static final Pattern LINE = Pattern.compile("\\s*([0-9]+)\\s*:\\s*([a-z]+)\\s*=(.*)", Pattern.DOTALL);
    private static final Pattern RANGE = Pattern.compile("([0-9]{1,4})(?:-([0-9]{1,4}))?");

    /**
     * Reads a node set: ids and ranges separated by commas ({@code 1,3}, {@code 1-3,5}); blank means null (every node).
     */
    public static Set<Integer> parseNodes(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Set<Integer> nodes = new TreeSet<>();
        for (String part : text.split(",")) {
            String item = part.strip();
            Matcher m = RANGE.matcher(item);
            if (!m.matches()) {
                throw new IllegalArgumentException("\"" + item + "\" in the node list is not a node id or a range like 1-3");
            }
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            if (to < from) {
                throw new IllegalArgumentException("the range " + item + " in the node list is backwards");
            }
            for (int id = from; id <= to; id++) {
                nodes.add(id);
            }
        }
        return nodes;
    }

    /** Checks that every node of the set is in the cluster. */
    public static void requireNodes(Collection<Integer> nodes, Collection<Integer> clusterNodes, String what) {
        for (int node : nodes) {
            if (!clusterNodes.contains(node)) {
                throw new IllegalArgumentException(what + ": the cluster has no node " + node + " (its nodes: "
                        + new TreeSet<>(clusterNodes) + ")");
            }
        }
    }

    /** One {@code NODE:KEY=VALUE} line. */
    public record Setting(int node, String key, String value) {
        @Override
        public String toString() {
            return node + ":" + key + "=" + value;
        }
    }

    /**
     * Reads {@code NODE:KEY=VALUE} lines (blank lines and lines starting with {@code #} are skipped) whose keys
     * are in {@code keys}; the value runs to the end of the line, surrounding blanks removed.
     *
     * @return the settings by node, in node order, each node's keys in line order (a repeated key: the last wins)
     */
    public static Map<Integer, Map<String, String>> parseLines(List<String> lines, Set<String> keys) {
        Map<Integer, Map<String, String>> settings = new TreeMap<>();
        int number = 0;
        for (String line : lines) {
            number++;
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException("line " + number + ": \"" + line.strip() + "\" is not NODE:KEY=VALUE (e.g. "
                        + example(keys) + ")");
            }
            String key = m.group(2);
            if (!keys.contains(key)) {
                throw new IllegalArgumentException("line " + number + ": unknown key \"" + key + "\"; the keys are "
                        + String.join(", ", new TreeSet<>(keys)));
            }
            if (m.group(1).length() > 4) {
                throw new IllegalArgumentException("line " + number + ": node " + m.group(1) + " is too large");
            }
            settings.computeIfAbsent(Integer.parseInt(m.group(1)), _ -> new LinkedHashMap<>()).put(key, m.group(3).strip());
        }
        return settings;
    }

    private static String example(Set<String> keys) {
        return keys.contains("main") ? "2:main=org.example.Other" : "2:uid=0";
    }

    /** Splits text into lines for {@link #parseLines}. */
    public static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\\R", -1));
    }

    /**
     * Reads credentials: blank-separated {@code KEY=VALUE} pairs (keys of {@link #CREDENTIAL_KEYS}); fields not given
     * are those of {@code base}.
     */
    public static Credentials parseCredentials(String text, Credentials base) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (text != null && !text.isBlank()) {
            for (String pair : text.strip().split("\\s+")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("\"" + pair + "\" is not KEY=VALUE (e.g. uid=1000)");
                }
                String key = pair.substring(0, eq);
                if (!CREDENTIAL_KEYS.contains(key)) {
                    throw new IllegalArgumentException("unknown credential \"" + key + "\"; the keys are gid, groups, privileged, uid, umask");
                }
                fields.put(key, pair.substring(eq + 1));
            }
        }
        return applyCredentials(fields, base, "");
    }

    /** Applies credential fields (by key) to {@code base}; {@code where} prefixes messages (e.g. "node 2: "). */
    public static Credentials applyCredentials(Map<String, String> fields, Credentials base, String where) {
        int uid = base.uid();
        int gid = base.gid();
        Set<Integer> groups = base.groups();
        int umask = base.umask();
        boolean privileged = base.privileged();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String value = field.getValue().strip();
            switch (field.getKey()) {
            case "uid" -> uid = id(value, where + "uid");
            case "gid" -> gid = id(value, where + "gid");
            case "groups" -> {
                Set<Integer> parsed = new TreeSet<>();
                if (!value.isEmpty()) {
                    for (String g : value.split(",")) {
                        parsed.add(id(g.strip(), where + "group"));
                    }
                }
                if (parsed.size() > 16) {
                    throw new IllegalArgumentException(where + "at most 16 supplementary groups, not " + parsed.size());
                }
                groups = parsed;
            }
            case "umask" -> {
                if (!value.matches("0?[0-7]{1,3}")) {
                    throw new IllegalArgumentException(where + "umask \"" + value + "\" is not octal 000..777 (e.g. 022)");
                }
                umask = Integer.parseInt(value, 8);
            }
            case "privileged" -> {
                if (!value.equals("true") && !value.equals("false")) {
                    throw new IllegalArgumentException(where + "privileged is true or false, not \"" + value + "\"");
                }
                privileged = Boolean.parseBoolean(value);
            }
            default -> throw new IllegalArgumentException(where + "unknown credential \"" + field.getKey() + "\"");
            }
        }
        return new Credentials(uid, gid, groups, umask, privileged);
    }

    private static int id(String value, String what) {
        if (!value.matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException(what + " \"" + value + "\" is not a number from 0 to 999999999");
        }
        return Integer.parseInt(value);
    }

    /** The text form {@link #parseCredentials} reads: {@code uid=1000 gid=1000 groups=10,20 umask=022 privileged=false}. */
    public static String formatCredentials(Credentials c) {
        List<String> parts = new ArrayList<>();
        parts.add("uid=" + c.uid());
        parts.add("gid=" + c.gid());
        if (!c.groups().isEmpty()) {
            parts.add("groups=" + String.join(",", c.groups().stream().sorted().map(String::valueOf).toList()));
        }
        parts.add("umask=0" + Integer.toOctalString(c.umask()));
        parts.add("privileged=" + c.privileged());
        return String.join(" ", parts);
    }

    /** What a console label says about a node process: {@code uid=1000 gid=1000} (plus groups, privileged). */
    public static String shortCredentials(Credentials c) {
        return "uid=" + c.uid() + " gid=" + c.gid()
                + (c.groups().isEmpty() ? "" : " groups=" + String.join(",", c.groups().stream().sorted().map(String::valueOf).toList()))
                + (c.privileged() ? " privileged" : "");
    }
}
