// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.editor.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.eclipse.emf.ecore.EcorePackage;
import org.junit.jupiter.api.Test;
import org.rsmworkbench.model.cluster.ClusterPackage;
import org.rsmworkbench.model.editor.internal.properties.ValueText;

/** Property values as text and back: modes in octal, numbers in decimal, lists comma separated. */
class ValueTextTest {
    private static final org.eclipse.emf.ecore.EDataType OCTAL = ClusterPackage.Literals.OCTAL_MODE;

    @Test
    void modesShowInOctal() {
        assertEquals("0600", ValueText.format(OCTAL, 0600));
        assertEquals("0022", ValueText.format(OCTAL, 022));
        assertEquals("0000", ValueText.format(OCTAL, 0));
        assertEquals("0777", ValueText.format(OCTAL, 0777));
    }

    @Test
    void modesAreReadInOctalWithOrWithoutTheLeadingZero() {
        assertEquals(0640, ValueText.parse(OCTAL, "0640"));
        assertEquals(0640, ValueText.parse(OCTAL, "640"));
        assertEquals(0777, ValueText.parse(OCTAL, " 777 "));
        assertTrue(ValueText.check(OCTAL, false, "0689").contains("octal"));
        assertNotNull(ValueText.check(OCTAL, false, "rw-"));
        assertNotNull(ValueText.check(OCTAL, false, ""));
        assertNull(ValueText.check(OCTAL, false, "0600"));
    }

    @Test
    void numbers() {
        assertEquals(42, ValueText.parse(EcorePackage.Literals.EINT, "42"));
        assertEquals(8192L, ValueText.parse(EcorePackage.Literals.ELONG, "8192"));
        assertEquals("'4k' is not a whole number", ValueText.check(EcorePackage.Literals.EINT, false, "4k"));
        assertTrue(ValueText.check(EcorePackage.Literals.EINT, false, "99999999999").contains("range"));
        assertEquals("1000", ValueText.format(EcorePackage.Literals.EINT, 1000));
    }

    @Test
    void listsAndBooleansAndStrings() {
        assertEquals(List.of(10, 20, 30), ValueText.parseList(EcorePackage.Literals.EINT, "10, 20 30"));
        assertEquals("10, 20", ValueText.format(EcorePackage.Literals.EINT, List.of(10, 20)));
        assertNotNull(ValueText.check(EcorePackage.Literals.EINT, true, "10, x"));
        assertEquals(Boolean.TRUE, ValueText.parse(EcorePackage.Literals.EBOOLEAN, "true"));
        assertNotNull(ValueText.check(EcorePackage.Literals.EBOOLEAN, false, "yes"));
        assertEquals(" a b ", ValueText.parse(EcorePackage.Literals.ESTRING, " a b "));
    }
}
