// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.race.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * What the node agent rewrites: in a JVM that records, each call into the RSM API is preceded by one that names its site;
 * in a JVM that detects races, loads and stores through MemorySegment go through the hooks too.
 */
class AccessInstrumenterTest {
    private static final String HOOKS = RaceHooks.class.getName().replace('.', '/');
    private static final String SAMPLE = Sample.class.getName().replace('.', '/');

    /** A program's method: a signal post, then a load of RSM memory. */
    static final class Sample {
        static int ringAndRead(ImportSegment mailbox, MemorySegment memory) throws RsmException {
            mailbox.signalPost(0);
            return memory.get(ValueLayout.JAVA_INT, 0);
        }
    }

    @Test
    void aRecordingJvmNamesTheSiteOfEachRsmCallAndLeavesLoadsAlone() throws IOException {
        assertEquals(List.of(HOOKS + ".callAt", "org/rsmworkbench/rsmapi/ImportSegment.signalPost",
                "java/lang/foreign/MemorySegment.get"), callsOfRingAndRead(false));
    }

    @Test
    void aJvmThatDetectsRacesAlsoHooksTheLoad() throws IOException {
        assertEquals(List.of(HOOKS + ".callAt", "org/rsmworkbench/rsmapi/ImportSegment.signalPost", HOOKS + ".get"),
                callsOfRingAndRead(true));
    }

    /** The calls {@code Sample.ringAndRead} makes once rewritten, as owner.name, in order. */
    private static List<String> callsOfRingAndRead(boolean accesses) throws IOException {
        byte[] original;
        try (InputStream in = Sample.class.getResourceAsStream("AccessInstrumenterTest$Sample.class")) {
            assertNotNull(in);
            original = in.readAllBytes();
        }
        byte[] rewritten = new AccessInstrumenter(Set.of(), accesses).transform(Sample.class.getClassLoader(), SAMPLE, null, null,
                original);
        assertNotNull(rewritten, "the class calls the RSM API: it is rewritten");
        MethodModel method = ClassFile.of().parse(rewritten).methods().stream()
                .filter(m -> m.methodName().equalsString("ringAndRead")).findFirst().orElseThrow();
        return method.code().orElseThrow().elementStream().filter(InvokeInstruction.class::isInstance)
                .map(InvokeInstruction.class::cast).map(i -> i.owner().asInternalName() + "." + i.name().stringValue()).toList();
    }
}
