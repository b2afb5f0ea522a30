// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.tests.support.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A conformance test (or a group of them) that does not apply where every node runs on a host of its own
 * ({@link ConformanceCluster#acrossHosts()}): the cluster fixture of such a run disables it, saying {@link #value()}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface NotAcrossHosts {
    /** Why: e.g. it maps a segment of another host, which a controller without direct access refuses (MAP_FAILED). */
    String value();
}
