// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fault of the hosts of a {@code rsm-launch --hosts} launch and when to inject it (on the clock of the other faults,
 * see {@link FaultScheduler}): {@code kill-host:NAME@TIME} kills the node JVMs on that host (SIGKILL, as a host that
 * crashes: nothing of theirs ends cleanly); {@code host-link-down:A-B@TIME} drops the traffic between hosts A and B (a
 * blackhole route to the other's address on each, through the host's command prefix); {@code host-link-up:A-B@TIME}
 * removes those routes.
 *
 * @param hostB the other host of a link, null for a kill
 */
public record HostFault(Kind kind, String hostA, String hostB, Duration at) {
    /** The syntax of every kind, for messages. */
    public static final String SYNTAX = "kill-host:NAME, host-link-down:A-B or host-link-up:A-B";

    private static final Pattern KILL = Pattern.compile("kill-host:([A-Za-z0-9_.]+)");
    private static final Pattern LINK = Pattern.compile("host-link-(down|up):([A-Za-z0-9_.]+)-([A-Za-z0-9_.]+)");

    /** What the fault does. */
    public enum Kind {
        KILL_HOST, LINK_DOWN, LINK_UP
    }

    public HostFault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(hostA, "hostA");
        if ((kind == Kind.KILL_HOST) != (hostB == null)) {
            throw new IllegalArgumentException("a link fault names two hosts, a kill one");
        }
    }

    /** Whether {@code text} is meant as a host fault (FAULT@TIME whose FAULT is one of {@link #SYNTAX}). */
    public static boolean isHostFault(String text) {
        return text.startsWith("kill-host:") || text.startsWith("host-link-");
    }

    /** Reads {@code kill-host:alpha@500ms}, {@code host-link-down:alpha-beta@1s}, {@code host-link-up:alpha-beta@2s}. */
    public static HostFault parse(String text) {
        Matcher timed = ScheduledFault.matchTime(text, SYNTAX);
        Duration at = ScheduledFault.time(timed);
        String fault = timed.group(1);
        Matcher m = KILL.matcher(fault);
        if (m.matches()) {
            return new HostFault(Kind.KILL_HOST, m.group(1), null, at);
        }
        m = LINK.matcher(fault);
        if (m.matches()) {
            if (m.group(2).equals(m.group(3))) {
                throw new IllegalArgumentException("fault \"" + text + "\": a link joins two different hosts");
            }
            return new HostFault(m.group(1).equals("down") ? Kind.LINK_DOWN : Kind.LINK_UP, m.group(2), m.group(3), at);
        }
        throw new IllegalArgumentException("fault \"" + text + "\" is not one of " + SYNTAX + " (host names as in the hosts file)");
    }

    /**
     * Checks that the hosts it names are in {@code hosts}, with an address when a link is cut, and that this machine does
     * not reach one end of the link through the other ({@link #cutsOffThisMachine}).
     *
     * @throws LaunchArgumentException that says what to change
     */
    public void check(HostsFile hosts) throws LaunchArgumentException {
        for (String name : hostB == null ? new String[] {hostA} : new String[] {hostA, hostB}) {
            HostsFile.Host host = hosts.host(name);
            if (host == null) {
                throw new LaunchArgumentException("--fault " + this + ": " + hosts.file() + " has no host " + name + " (its hosts: "
                        + String.join(", ", hosts.hosts().stream().map(HostsFile.Host::name).toList()) + ")");
            }
            if (kind != Kind.KILL_HOST && host.address() == null) {
                throw new LaunchArgumentException("--fault " + this + ": host " + name + " (" + hosts.file() + ":" + host.line()
                        + ") has no address=: give the address the other hosts reach it at");
            }
        }
        String cutOff = cutsOffThisMachine(hosts);
        if (cutOff != null) {
            throw new LaunchArgumentException("--fault " + this + ": " + cutOff);
        }
    }

    /**
     * Why this link fault cannot be injected from this machine, or null: one end of the link is this machine (no prefix,
     * or its address is one of this machine's) and the other is reached through ssh, whose connection goes through the
     * link itself: the cut would cut this machine off from that host (the ssh that sets the route there never answers)
     * and could not be healed. A cut on this machine's side only would not do: the other host's packets would still
     * arrive. Whether ssh goes to the host's {@code address=} or through another network is not looked into: refused
     * either way.
     */
    public String cutsOffThisMachine(HostsFile hosts) {
        if (kind == Kind.KILL_HOST) {
            return null;
        }
        HostsFile.Host a = hosts.host(hostA);
        HostsFile.Host b = hosts.host(hostB);
        HostsFile.Host far = reachedThroughTheLink(a, b);
        if (far == null) {
            return null;
        }
        HostsFile.Host here = far == a ? b : a;
        return "host " + here.name() + " (" + hosts.file() + ":" + here.line() + ") is this machine, which runs commands on "
                + far.name() + " through ssh (line " + far.line() + "), across that link: a cut would hang that connection and"
                + " could not be healed from here. Launch from a host outside the link, or cut a link between two other hosts";
    }

    /**
     * The end of the link between {@code a} and {@code b} that this machine, the other end, reaches through ssh, across the
     * link itself; null when neither end is this machine or the other is not reached through ssh.
     */
    public static HostsFile.Host reachedThroughTheLink(HostsFile.Host a, HostsFile.Host b) {
        if (a.isThisMachine() && b.throughShell()) {
            return b;
        }
        return b.isThisMachine() && a.throughShell() ? a : null;
    }

    /** What it does, in words: "kill host alpha", "cut link alpha - beta", "heal link alpha - beta". */
    public String describe() {
        return switch (kind) {
            case KILL_HOST -> "kill host " + hostA;
            case LINK_DOWN -> "cut link " + hostA + " - " + hostB;
            case LINK_UP -> "heal link " + hostA + " - " + hostB;
        };
    }

    @Override
    public String toString() {
        String fault = switch (kind) {
            case KILL_HOST -> "kill-host:" + hostA;
            case LINK_DOWN -> "host-link-down:" + hostA + "-" + hostB;
            case LINK_UP -> "host-link-up:" + hostA + "-" + hostB;
        };
        return fault + "@" + at.toMillis() + "ms";
    }
}
