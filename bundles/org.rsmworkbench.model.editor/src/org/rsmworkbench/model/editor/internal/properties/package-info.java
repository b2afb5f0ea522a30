/**
 * The Properties view bridge: {@code IPropertySource}s over emf.edit {@code IItemPropertySource}s, with
 * cell editors for strings, numbers, octal modes, booleans, enums and references; text conversion in
 * {@link org.rsmworkbench.model.editor.internal.properties.ValueText}. Not API.
 */
package org.rsmworkbench.model.editor.internal.properties;
