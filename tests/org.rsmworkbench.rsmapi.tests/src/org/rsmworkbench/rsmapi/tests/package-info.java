// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/** Tests of the RSMAPI binding bundle org.rsmworkbench.rsmapi, without a runtime behind it. */
package org.rsmworkbench.rsmapi.tests;
