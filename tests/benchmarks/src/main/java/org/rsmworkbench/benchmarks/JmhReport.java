// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints the results of a JMH run (its JSON file) with the raw baseline of the same run beside each RSM figure, as a
 * ratio against the goal, under the CPU model and the raw cross-core latency ({@link CrossCoreBenchmark}) of that run.
 * Usage: {@code JmhReport target/jmh.json} ({@code ./run-benchmarks} runs it).
 */
public final class JmhReport {
    /** How an RSM benchmark compares with its baseline: the ratio asked for and its goal. */
    private record Pair(String rsm, String baseline, boolean speed, double goal) {
        /** The goal and whether {@code ratio} meets it; nothing when there is no goal (NaN). */
        String goalText(double ratio) {
            if (Double.isNaN(goal)) {
                return "";
            }
            boolean met = speed ? ratio >= goal : ratio <= goal;
            return String.format("%s %.2f %s", speed ? ">=" : "<=", goal, met ? "ok" : "MISSED");
        }
    }

    private static final List<Pair> PAIRS = List.of(
            new Pair("PutGetBenchmark.put64", "PutGetBenchmark.rawStore8", false, 1.5),
            new Pair("PutGetBenchmark.put8x8", "PutGetBenchmark.rawStore8", false, 1.5),
            new Pair("PutGetBenchmark.get64", "PutGetBenchmark.rawLoad8", false, 1.5),
            // the plain store and load, for the record: the goals are the issue's, against the copies above
            new Pair("PutGetBenchmark.put64", "PutGetBenchmark.rawSet8", false, Double.NaN),
            new Pair("PutGetBenchmark.get64", "PutGetBenchmark.rawGet8", false, Double.NaN),
            new Pair("PutGetBenchmark.bulkPut", "PutGetBenchmark.rawCopyIn", true, 0.95),
            new Pair("PutGetBenchmark.bulkGet", "PutGetBenchmark.rawCopyOut", true, 0.95),
            new Pair("SignalBenchmark.postAndWait", "SignalBenchmark.rawStoreAndLoad", false, Double.NaN));
    private static final String CROSS_CORE = "CrossCoreBenchmark.pingPong";

    private JmhReport() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        List<Object> results = Json.parseArray(Files.readString(Path.of(args.length > 0 ? args[0] : "target/jmh.json")));
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        for (Object result : results) {
            @SuppressWarnings("unchecked")
            Map<String, Object> r = (Map<String, Object>) result;
            byName.put(key(shortName(r), r), r);
        }
        Map<String, Object> crossCore = byName.get(CROSS_CORE);
        System.out.printf("machine: %s; raw cross-core one-way latency %s%n", Machine.cpu(), crossCore != null
                ? String.format("%.0f ns (CrossCoreBenchmark of this run, half its round trip)", score(crossCore) / 2)
                : String.format("%.0f ns (not in this run: measured now, two threads)", Machine.crossCoreNanos()));
        System.out.println("machine: " + Machine.freshPages() + " (what a recorded call's log pays every few dozen records)");
        System.out.printf("%-26s %-14s %16s %-26s %16s %-13s %s%n", "RSM benchmark", "params", "RSM", "raw baseline", "", "ratio",
                "goal");
        for (Map<String, Object> r : byName.values()) {
            for (Pair pair : PAIRS) {
                if (!pair.rsm().equals(shortName(r))) {
                    continue;
                }
                Map<String, Object> baseline = byName.get(key(pair.baseline(), r));
                String params = params(r);
                if (baseline == null) {
                    System.out.printf("%-26s %-14s %16s %-26s %16s%n", pair.rsm(), params, figure(r), pair.baseline(), "(not run)");
                    continue;
                }
                double ratio = pair.speed() ? score(baseline) / score(r) : score(r) / score(baseline);
                System.out.printf("%-26s %-14s %16s %-26s %16s %6.2f %-6s %s%n", pair.rsm(), params, figure(r), pair.baseline(),
                        figure(baseline), ratio, pair.speed() ? "speed" : "time", pair.goalText(ratio));
            }
        }
    }

    /** The benchmark's class and method, without the package. */
    private static String shortName(Map<String, Object> result) {
        String name = (String) result.get("benchmark");
        int method = name.lastIndexOf('.');
        return name.substring(name.lastIndexOf('.', method - 1) + 1);
    }

    private static String key(String shortName, Map<String, Object> result) {
        return shortName + params(result);
    }

    private static String params(Map<String, Object> result) {
        Object params = result.get("params");
        return params == null ? "" : params.toString().replaceAll("[{} ]", "");
    }

    private static double score(Map<String, Object> result) {
        return ((Number) metric(result).get("score")).doubleValue();
    }

    private static String figure(Map<String, Object> result) {
        return String.format("%.4g %s", score(result), metric(result).get("scoreUnit"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metric(Map<String, Object> result) {
        return (Map<String, Object>) result.get("primaryMetric");
    }

    /** A reader of the JSON that JMH writes: objects, arrays, strings, numbers, true, false, null. */
    private static final class Json {
        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        @SuppressWarnings("unchecked")
        static List<Object> parseArray(String text) {
            Json json = new Json(text);
            Object value = json.value();
            if (!(value instanceof List)) {
                throw new IllegalArgumentException("not a JSON array of JMH results");
            }
            return (List<Object>) value;
        }

        private Object value() {
            skipSpace();
            char c = text.charAt(at);
            switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            default:
                return literal();
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> object = new LinkedHashMap<>();
            at++;
            skipSpace();
            if (text.charAt(at) == '}') {
                at++;
                return object;
            }
            for (;;) {
                skipSpace();
                String name = string();
                skipSpace();
                expect(':');
                object.put(name, value());
                skipSpace();
                if (text.charAt(at++) == '}') {
                    return object;
                }
            }
        }

        private List<Object> array() {
            List<Object> array = new ArrayList<>();
            at++;
            skipSpace();
            if (text.charAt(at) == ']') {
                at++;
                return array;
            }
            for (;;) {
                array.add(value());
                skipSpace();
                if (text.charAt(at++) == ']') {
                    return array;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder s = new StringBuilder();
            for (char c; (c = text.charAt(at++)) != '"';) {
                if (c == '\\') {
                    char escaped = text.charAt(at++);
                    switch (escaped) {
                    case 'n' -> s.append('\n');
                    case 't' -> s.append('\t');
                    case 'u' -> {
                        s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> s.append(escaped);
                    }
                } else {
                    s.append(c);
                }
            }
            return s.toString();
        }

        private Object literal() {
            int start = at;
            while (at < text.length() && ",]} \n\r\t".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            String word = text.substring(start, at);
            return switch (word) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(word);
            };
        }

        private void expect(char c) {
            if (text.charAt(at++) != c) {
                throw new IllegalArgumentException("JSON: '" + c + "' expected at " + (at - 1));
            }
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
