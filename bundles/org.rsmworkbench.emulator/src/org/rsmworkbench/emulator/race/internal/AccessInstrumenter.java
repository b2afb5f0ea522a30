// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.race.internal;

import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.MethodModel;
import java.lang.classfile.MethodTransform;
import java.lang.classfile.Opcode;
import java.lang.classfile.constantpool.MemberRefEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LineNumber;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.instrument.ClassFileTransformer;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.rsmworkbench.emulator.trace.CallSite;

/**
 * Rewrites the node program's classes as they are loaded (JDK {@code java.lang.classfile}): each call of
 * {@code java.lang.foreign.MemorySegment} or {@code java.lang.Thread} for which {@link RaceHooks} has a hook (same
 * name, receiver first, the call site's number last) becomes a call of that hook. Classes of the JDK and of the RSM
 * runtime stay as they are; a class that cannot be rewritten is loaded unchanged, with a warning.
 */
final class AccessInstrumenter implements ClassFileTransformer {
    private static final String MEMORY_SEGMENT = "java/lang/foreign/MemorySegment";
    private static final String THREAD = "java/lang/Thread";
    private static final ClassDesc HOOKS = ClassDesc.of(RaceHooks.class.getName());
    /** Every hook as name + descriptor. */
    private static final Set<String> HOOK_SIGNATURES = Arrays.stream(RaceHooks.class.getDeclaredMethods())
            .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
            .map(m -> m.getName() + descriptor(m)).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> SKIPPED_PACKAGES = Set.of("java/", "javax/", "jdk/", "sun/", "com/sun/");

    /** Where the RSM runtime's classes come from: they are not the program's. */
    private final Set<URL> runtimeLocations;

    AccessInstrumenter(Set<URL> runtimeLocations) {
        this.runtimeLocations = runtimeLocations;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain, byte[] bytes) {
        if (loader == null || className == null || SKIPPED_PACKAGES.stream().anyMatch(className::startsWith)
                || isRuntime(domain)) {
            return null;
        }
        try {
            return instrument(loader, bytes);
        } catch (RuntimeException | LinkageError e) {
            System.err.println("RSM race detector: " + className.replace('/', '.')
                    + " is not instrumented, its loads and stores of RSM memory are not checked: " + e);
            return null;
        }
    }

    private boolean isRuntime(ProtectionDomain domain) {
        CodeSource source = domain == null ? null : domain.getCodeSource();
        return source != null && runtimeLocations.contains(source.getLocation());
    }

    /** The class rewritten, or null when it calls no hooked method. */
    private static byte[] instrument(ClassLoader loader, byte[] bytes) {
        ClassFile classFile = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofResourceParsing(loader))));
        ClassModel model = classFile.parse(bytes);
        if (!refersToHookedClass(model)) {
            return null;
        }
        String className = model.thisClass().asInternalName().replace('/', '.');
        String file = model.findAttribute(Attributes.sourceFile()).map(a -> a.sourceFile().stringValue()).orElse(null);
        return classFile.transformClass(model, (builder, element) -> {
            if (element instanceof MethodModel method && method.code().isPresent()) {
                builder.transformMethod(method,
                        MethodTransform.transformingCode(new Rewriter(className, method.methodName().stringValue(), file)));
            } else {
                builder.with(element);
            }
        });
    }

    private static boolean refersToHookedClass(ClassModel model) {
        for (PoolEntry entry : model.constantPool()) {
            if (entry instanceof MemberRefEntry member) {
                String owner = member.owner().asInternalName();
                if (owner.equals(MEMORY_SEGMENT) || owner.equals(THREAD)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Rewrites the hooked calls of one method, each with its own call site (the line of the last line number seen). */
    private static final class Rewriter implements CodeTransform {
        private final String className;
        private final String method;
        private final String file;
        private int line = -1;

        Rewriter(String className, String method, String file) {
            this.className = className;
            this.method = method;
            this.file = file;
        }

        @Override
        public void accept(CodeBuilder builder, CodeElement element) {
            if (element instanceof LineNumber number) {
                line = number.line();
            } else if (element instanceof InvokeInstruction call) {
                MethodTypeDesc hook = hookOf(call);
                if (hook != null) {
                    builder.loadConstant(RaceHooks.site(new CallSite(className, method, file, line)));
                    builder.invokestatic(HOOKS, call.name().stringValue(), hook);
                    return;
                }
            }
            builder.with(element);
        }
    }

    /** The descriptor of the hook that replaces {@code call}, or null when there is none. */
    private static MethodTypeDesc hookOf(InvokeInstruction call) {
        String owner = call.owner().asInternalName();
        if (!owner.equals(MEMORY_SEGMENT) && !owner.equals(THREAD)) {
            return null;
        }
        MethodTypeDesc type = call.typeSymbol();
        if (call.opcode() != Opcode.INVOKESTATIC) {
            type = type.insertParameterTypes(0, ClassDesc.ofInternalName(owner));
        }
        type = type.insertParameterTypes(type.parameterCount(), ConstantDescs.CD_int);
        return HOOK_SIGNATURES.contains(call.name().stringValue() + type.descriptorString()) ? type : null;
    }

    private static String descriptor(Method method) {
        return MethodTypeDesc.of(method.getReturnType().describeConstable().orElseThrow(),
                Arrays.stream(method.getParameterTypes()).map(c -> c.describeConstable().orElseThrow()).toArray(ClassDesc[]::new))
                .descriptorString();
    }
}
