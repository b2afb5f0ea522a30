# Copyright (c) 2026 RSM Workbench contributors
# SPDX-License-Identifier: EPL-2.0
# shellcheck shell=bash
# Sourced by the scripts at the root (rsm-workbench, run-tests, rsm-launch, rsm-trace, run-benchmarks), .ci/run and
# releng/scripts/generate-model: pick_java_home makes sure JAVA_HOME points at a JDK that is new enough.
# Tycho 5 itself runs on Java 21+, but every RSM Workbench bundle declares JavaSE-25 (java.lang.foreign),
# so both the build and the product need Java 25: the default minimum is 25 (RSM_MIN_JAVA overrides it).
# Keeps a JAVA_HOME that is already new enough; otherwise picks the newest such JDK found in
# /usr/lib/jvm (and /opt, SDKMAN's and ~/.jdks), else the java on the PATH, and exports JAVA_HOME and PATH.

# java_major <java executable>: prints the feature version (17, 21, 25, ...) or nothing
java_major() {
    local v
    v=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1)
    case "$v" in
        1.*) echo "${v#1.}" | cut -d. -f1 ;;
        *) echo "${v%%.*}" ;;
    esac
}

# pick_java_home [minimum]: exports JAVA_HOME (default minimum 25); returns 1 if none found
pick_java_home() {
    local min="${1:-${RSM_MIN_JAVA:-25}}" best="" best_major=0 dir major
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
        major=$(java_major "$JAVA_HOME/bin/java")
        if [ -n "$major" ] && [ "$major" -ge "$min" ]; then
            export PATH="$JAVA_HOME/bin:$PATH"
            return 0
        fi
    fi
    for dir in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
        [ -x "$dir/bin/java" ] && [ -x "$dir/bin/javac" ] || continue
        major=$(java_major "$dir/bin/java")
        [ -n "$major" ] || continue
        if [ "$major" -ge "$min" ] && [ "$major" -gt "$best_major" ]; then
            best="$dir"; best_major="$major"
        fi
    done
    if [ -z "$best" ] && command -v java >/dev/null 2>&1; then
        # last resort: the java on the PATH, if it is new enough
        dir=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
        major=$(java_major "$dir/bin/java")
        if [ -n "$major" ] && [ "$major" -ge "$min" ]; then best="$dir"; best_major="$major"; fi
    fi
    if [ -z "$best" ]; then
        echo "error: no JDK $min or newer found (JAVA_HOME=${JAVA_HOME:-unset}; searched /usr/lib/jvm)." >&2
        echo "       Install one (e.g. Temurin 25) or set JAVA_HOME to it." >&2
        return 1
    fi
    export JAVA_HOME="$(readlink -f "$best")"
    export PATH="$JAVA_HOME/bin:$PATH"
    echo "Using JDK $best_major at $JAVA_HOME" >&2
}
