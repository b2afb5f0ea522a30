// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.tests.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rsmworkbench.core.inspect.Offsets;

/** Every form of offset that {@link Offsets#parse} documents, and text it must refuse. */
class OffsetsTest {
    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "0x1f|31", "0X1F|31", "1fh|31", "1f h|31", "1FH|31", "1f   H|31", "31|31", "0|0",
            "'  0x400100 '|4194560", "0x40_0100|4194560", "40_0100h|4194560", "1_000|1000",
            "0xffffffffffffffff|-1" })
    void acceptsEveryDocumentedForm(String text, long offset) {
        assertEquals(offset, Offsets.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "0x", "h", "1g", "0x1g", "1f", "x1f", "1fhh", "h1f", "12 34", "0x 1f" })
    void refusesTextOfNoForm(String text) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Offsets.parse(text));
        assertTrue(refused.getMessage().contains("\"" + text + "\" is not an offset"), refused.getMessage());
    }
}
