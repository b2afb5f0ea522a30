// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/** Tests of the help bundle org.rsmworkbench.help: its tables of contents, pages, function reference and F1 contexts. */
package org.rsmworkbench.help.tests;
