#!/usr/bin/env bash
# Copyright (c) 2026 RSM Workbench contributors
# SPDX-License-Identifier: EPL-2.0
# Steps of the update-site install test (run by this module's pom.xml; see there for the whole sequence).
#
#   install-check.sh base      BASE WORK            the materialized base Eclipse is plain: no RSM Workbench
#                                                   bundle or feature but the checker (test harness), no EMF Edit;
#                                                   records its plug-ins
#   install-check.sh install   BASE WORK SITE IUS   the base Eclipse's own p2 director application installs the
#                                                   installable units IUS (comma-separated) into the base (its
#                                                   profile DefaultProfile) from the p2 repository SITE (a folder
#                                                   or a zip) and from nothing else
#   install-check.sh installed BASE WORK EXPECT     after the install: lists what p2 added, then starts the base
#                                                   Eclipse headless with the checker application against EXPECT;
#                                                   exits non-zero on any failure
#
# Eclipse always runs headless here (no DISPLAY, -nosplash), even when the build runs under Xvfb.
# JAVA: the java to start Eclipse with (Java 25; the pom passes Maven's own).
set -euo pipefail

mode=${1:?usage: install-check.sh base|install|installed BASE WORK ...}
base=${2:?base installation folder}
work=${3:?work folder}
checker=org.rsmworkbench.installtest.checker
mkdir -p "$work"

eclipse() {
    local launcher
    launcher=$(ls "$base"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
    env -u DISPLAY -u WAYLAND_DISPLAY timeout 600 "${JAVA:-java}" --enable-native-access=ALL-UNNAMED -Xmx512m \
        -jar "$launcher" -nosplash "$@"
}

plugins() { (cd "$base/plugins" && ls -1) | sed -E 's/_[0-9][^_]*(\.jar)?$//' | sort -u; }

case "$mode" in
base)
    [ -d "$base/plugins" ] || { echo "install test: no base installation at $base" >&2; exit 1; }
    plugins > "$work/base-plugins.txt"
    bad=$(grep -E '^org\.rsmworkbench\.' "$work/base-plugins.txt" | grep -vx "$checker" || true)
    if [ -n "$bad" ] || ls "$base/features" 2>/dev/null | grep -q '^org\.rsmworkbench\.'; then
        echo "install test: the base Eclipse already holds RSM Workbench content:" $bad >&2; exit 1
    fi
    if grep -qx 'org.eclipse.emf.edit' "$work/base-plugins.txt"; then
        echo "install test: the base Eclipse holds org.eclipse.emf.edit; it must come from the update site" >&2; exit 1
    fi
    echo "install test: base Eclipse $base"
    echo "  $(wc -l < "$work/base-plugins.txt") plug-ins, no RSM Workbench bundle (harness: $checker), EMF only as the workbench needs it:" \
        $(grep -E '^org\.eclipse\.emf\.' "$work/base-plugins.txt")
    ;;
install)
    site=${4:?site repository: a p2 repository folder or zip}
    site=$(realpath "$site")
    case "$site" in *.zip) site="jar:file:$site!/" ;; *) site="file:$site" ;; esac
    iu=${5:?installable units, comma-separated}
    echo "install test: p2 director of the base Eclipse: install $iu from $site"
    rc=0
    eclipse -application org.eclipse.equinox.p2.director -data "$work/director-workspace" \
        -repository "$site" -installIU "$iu" -destination "$base" -profile DefaultProfile || rc=$?
    if [ "$rc" -ne 0 ]; then
        echo "install test FAILED: the p2 director could not install $iu from $site into the base Eclipse" \
             "(exit code $rc; its reasons are above)" >&2
        exit 1
    fi
    ;;
installed)
    expect=${4:?expectations file}
    plugins > "$work/installed-plugins.txt"
    echo "install test: the p2 director added to the base Eclipse:"
    comm -13 "$work/base-plugins.txt" "$work/installed-plugins.txt" | sed 's/^/  /'
    rc=0
    eclipse -consoleLog -application "$checker.check" -data "$work/workspace" \
        -expect "$expect" -report "$work/report.txt" || rc=$?
    if [ "$rc" -ne 0 ]; then
        echo "install test FAILED (checker exit code $rc); report: $work/report.txt" >&2
        exit 1
    fi
    echo "install test passed; report: $work/report.txt"
    ;;
*)
    echo "usage: install-check.sh base|install|installed BASE WORK ..." >&2; exit 2 ;;
esac
