// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The Properties view bridge: {@code IPropertySource}s over emf.edit {@code IItemPropertySource}s, with
 * cell editors for strings, numbers, octal modes, booleans, enums and references; text conversion in
 * {@link org.rsmworkbench.model.editor.internal.properties.ValueText}. Not API.
 */
package org.rsmworkbench.model.editor.internal.properties;
