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
import java.lang.classfile.CodeModel;
import java.lang.classfile.Instruction;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.MethodTransform;
import java.lang.classfile.Opcode;
import java.lang.classfile.constantpool.MemberRefEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LabelTarget;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.rsmworkbench.emulator.trace.CallSite;

/**
 * Rewrites the node program's classes as they are loaded (JDK {@code java.lang.classfile}): each call of
 * {@code java.lang.foreign.MemorySegment} or {@code java.lang.Thread} for which {@link RaceHooks} has a hook (same
 * name, receiver first, the call site's number last) becomes a call of that hook; each call into the RSM API is
 * preceded by one that names its site ({@link RaceHooks#callAt}). In a node JVM that records but does not detect races,
 * only the calls into the RSM API are rewritten. Classes of the JDK and of the RSM runtime stay as they are; a class that
 * cannot be rewritten is loaded unchanged, with a warning.
 * <p>
 * It also marks the <em>poll sites</em>: a load through a {@code MemorySegment}, or a get of an import, inside a loop
 * whose next few instructions test what was read (a conditional branch), as in
 * {@code while (flag.get(JAVA_INT, 0) == 0) Thread.onSpinWait();}: a read there that sees the bytes of a completed write
 * orders the reader after that write, even when its first try saw them.
 */
final class AccessInstrumenter implements ClassFileTransformer {
    private static final String MEMORY_SEGMENT = "java/lang/foreign/MemorySegment";
    private static final String THREAD = "java/lang/Thread";
    private static final String IMPORT_SEGMENT = "org/rsmworkbench/rsmapi/ImportSegment";
    /** The package of the RSM API: each call into it is preceded by {@link RaceHooks#callAt} with its site. */
    private static final String RSM_API = "org/rsmworkbench/rsmapi/";
    private static final MethodTypeDesc CALL_AT = MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_int);
    /** How many instructions after a read a test of what it read may come, for the read to be a poll. */
    private static final int POLL_TEST_WINDOW = 5;
    private static final ClassDesc HOOKS = ClassDesc.of(RaceHooks.class.getName());
    /** Every hook as name + descriptor. */
    private static final Set<String> HOOK_SIGNATURES = Arrays.stream(RaceHooks.class.getDeclaredMethods())
            .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
            .map(m -> m.getName() + descriptor(m)).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> SKIPPED_PACKAGES = Set.of("java/", "javax/", "jdk/", "sun/", "com/sun/");

    /** Where the RSM runtime's classes come from: they are not the program's. */
    private final Set<URL> runtimeLocations;
    /** Whether accesses through MemorySegment and thread starts and joins are hooked too (race detection). */
    private final boolean accesses;

    AccessInstrumenter(Set<URL> runtimeLocations, boolean accesses) {
        this.runtimeLocations = runtimeLocations;
        this.accesses = accesses;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain, byte[] bytes) {
        if (loader == null || className == null || SKIPPED_PACKAGES.stream().anyMatch(className::startsWith)
                || isRuntime(domain)) {
            return null;
        }
        try {
            return instrument(loader, bytes, accesses);
        } catch (RuntimeException | LinkageError e) {
            System.err.println("RSM Workbench: " + className.replace('/', '.') + " is not instrumented, "
                    + (accesses ? "its loads and stores of RSM memory are not checked: " : "its calls are recorded without call sites: ") + e);
            return null;
        }
    }

    private boolean isRuntime(ProtectionDomain domain) {
        CodeSource source = domain == null ? null : domain.getCodeSource();
        return source != null && runtimeLocations.contains(source.getLocation());
    }

    /** The class rewritten, or null when it calls no hooked method ({@code accesses}: see {@link #accesses}). */
    private static byte[] instrument(ClassLoader loader, byte[] bytes, boolean accesses) {
        ClassFile classFile = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofResourceParsing(loader))));
        ClassModel model = classFile.parse(bytes);
        if (!refersToHookedClass(model, accesses)) {
            return null;
        }
        String className = model.thisClass().asInternalName().replace('/', '.');
        String file = model.findAttribute(Attributes.sourceFile()).map(a -> a.sourceFile().stringValue()).orElse(null);
        return classFile.transformClass(model, (builder, element) -> {
            if (element instanceof MethodModel method && method.code().isPresent()) {
                CodeModel code = method.code().orElseThrow();
                builder.transformMethod(method, MethodTransform.transformingCode(
                        new Rewriter(className, method.methodName().stringValue(), file, accesses ? polls(code) : null)));
            } else {
                builder.with(element);
            }
        });
    }

    private static boolean refersToHookedClass(ClassModel model, boolean accesses) {
        for (PoolEntry entry : model.constantPool()) {
            if (entry instanceof MemberRefEntry member) {
                String owner = member.owner().asInternalName();
                if (owner.startsWith(RSM_API) || accesses && (owner.equals(MEMORY_SEGMENT) || owner.equals(THREAD))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Rewrites the hooked calls of one method, each with its own call site (the line of the last line number seen); only
     * the calls into the RSM API when {@link #polls} is null.
     */
    private static final class Rewriter implements CodeTransform {
        private final String className;
        private final String method;
        private final String file;
        /** For each read of the method ({@link #isRead}), in order, whether it is a poll; null: accesses are not hooked. */
        private final List<Boolean> polls;
        private int reads;
        private int line = -1;

        Rewriter(String className, String method, String file, List<Boolean> polls) {
            this.className = className;
            this.method = method;
            this.file = file;
            this.polls = polls;
        }

        @Override
        public void accept(CodeBuilder builder, CodeElement element) {
            if (element instanceof LineNumber number) {
                line = number.line();
            } else if (element instanceof InvokeInstruction call) {
                CallSite site = new CallSite(className, method, file, line);
                if (polls != null && isRead(call) && polls.get(reads++)) {
                    RaceHooks.pollSite(site);
                }
                MethodTypeDesc hook = polls != null ? hookOf(call) : null;
                if (hook != null) {
                    builder.loadConstant(RaceHooks.site(site));
                    builder.invokestatic(HOOKS, call.name().stringValue(), hook);
                    return;
                }
                if (call.owner().asInternalName().startsWith(RSM_API)) {
                    builder.loadConstant(RaceHooks.site(site));
                    builder.invokestatic(HOOKS, "callAt", CALL_AT);
                }
            }
            builder.with(element);
        }
    }

    /** Whether {@code call} reads RSM memory: a load through a MemorySegment, or a get of an import. */
    private static boolean isRead(InvokeInstruction call) {
        String owner = call.owner().asInternalName();
        String name = call.name().stringValue();
        return owner.equals(MEMORY_SEGMENT) && (name.equals("get") || name.equals("getAtIndex"))
                || owner.equals(IMPORT_SEGMENT) && name.startsWith("get") && !name.equals("getMode") && !name.equals("getPollFd");
    }

    /** For each read of {@code code}, in order: whether it lies in a loop and a conditional branch soon tests it. */
    private static List<Boolean> polls(CodeModel code) {
        List<CodeElement> elements = code.elementList();
        Map<Label, Integer> labels = new HashMap<>();
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) instanceof LabelTarget target) {
                labels.put(target.label(), i);
            }
        }
        List<int[]> loops = new ArrayList<>(); // [first, last] element of each backward branch's range
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) instanceof BranchInstruction branch && labels.getOrDefault(branch.target(), i) < i) {
                loops.add(new int[] { labels.get(branch.target()), i });
            }
        }
        List<Boolean> polls = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) instanceof InvokeInstruction call && isRead(call)) {
                int at = i;
                boolean inLoop = loops.stream().anyMatch(loop -> loop[0] <= at && at <= loop[1]);
                polls.add(inLoop && testedSoon(elements, i));
            }
        }
        return polls;
    }

    private static boolean testedSoon(List<CodeElement> elements, int read) {
        int instructions = 0;
        for (int i = read + 1; i < elements.size() && instructions < POLL_TEST_WINDOW; i++) {
            if (elements.get(i) instanceof Instruction instruction) {
                instructions++;
                if (instruction instanceof BranchInstruction branch && branch.opcode() != Opcode.GOTO
                        && branch.opcode() != Opcode.GOTO_W) {
                    return true;
                }
            }
        }
        return false;
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
