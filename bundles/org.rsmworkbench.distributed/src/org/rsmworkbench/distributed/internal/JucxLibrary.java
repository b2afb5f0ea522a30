// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.openucx.jucx.NativeLibs;

/**
 * Loads JUCX's native library where JUCX cannot: JUCX extracts {@code libjucx.so} from its jar only when its class
 * loader answers with a {@code jar:} URL, as on a class path (node JVMs); in OSGi (the IDE, the test runtime) the URL is a
 * bundle resource, and JUCX silently loads nothing. Then the library is copied to a private temporary folder and loaded
 * by a class defined in JUCX's package, so that it belongs to JUCX's class loader (a JNI library belongs to the class
 * loader of the class that loads it). The copy and its folder are deleted right after loading: the library stays mapped.
 * Where JUCX extracts it itself, its copy is deleted right after JUCX loaded it as well.
 */
public final class JucxLibrary {
    private static final String LIBRARY = System.mapLibraryName("jucx");
    private static boolean loaded;

    private JucxLibrary() {
    }

    /**
     * Loads the library unless JUCX did or will (a class path: then its extracted copy is deleted at once) or it is loaded
     * already; public for the tests.
     */
    public static synchronized void ensureLoaded() throws IOException {
        URL resource = NativeLibs.class.getClassLoader().getResource(LIBRARY);
        if (loaded || resource == null) {
            return;
        }
        if ("jar".equals(resource.getProtocol())) {
            removeJucxExtraction();
            loaded = true;
            return;
        }
        Path directory = Files.createTempDirectory("rsm-jucx-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path library = directory.resolve(LIBRARY);
        try (InputStream in = resource.openStream()) {
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
            load(library);
        } finally {
            // deleteOnExit would try the folder before the library in it, and leave it behind
            Files.deleteIfExists(library);
            Files.deleteIfExists(directory);
        }
        loaded = true;
    }

    /**
     * Lets JUCX load its library, then deletes the folder it extracted it to (java.io.tmpdir/jucx*): JUCX deletes it only on
     * a normal exit, and node JVMs are often killed. The library stays mapped; it is found among this process's mappings.
     */
    private static void removeJucxExtraction() throws IOException {
        try {
            Class.forName(NativeLibs.class.getName(), true, NativeLibs.class.getClassLoader()); // extracts and loads
        } catch (ClassNotFoundException e) {
            throw new IOException("cannot load JUCX: " + e, e);
        }
        try {
            deleteExtractedCopy();
        } catch (IOException e) {
            // the library is loaded: a copy left behind costs disk, not the data path
        }
    }

    private static void deleteExtractedCopy() throws IOException {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
        for (String mapping : Files.readAllLines(Path.of("/proc/self/maps"))) {
            int path = mapping.indexOf('/');
            if (path < 0) {
                continue;
            }
            Path library = Path.of(mapping.substring(path));
            Path folder = library.getParent();
            if (library.getFileName().toString().equals(LIBRARY) && folder.getFileName().toString().startsWith("jucx")
                    && temporary.equals(folder.getParent())) {
                Files.deleteIfExists(library);
                Files.deleteIfExists(folder);
                return;
            }
        }
    }

    private static void load(Path library) throws IOException {
        try {
            // System.load binds the library to its caller's class loader: the caller is a class defined in JUCX's package
            MethodTypeDesc loadType = MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_String);
            byte[] loaderClass = ClassFile.of().build(ClassDesc.of(NativeLibs.class.getPackageName() + ".RsmWorkbenchLoader"),
                    type -> type.withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL).withMethodBody("load", loadType,
                            ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, code -> code.aload(0)
                                    .invokestatic(ClassDesc.of(System.class.getName()), "load", loadType).return_()));
            Class<?> loader = MethodHandles.privateLookupIn(NativeLibs.class, MethodHandles.lookup()).defineClass(loaderClass);
            loader.getMethod("load", String.class).invoke(null, library.toString());
        } catch (InvocationTargetException e) {
            throw new IOException("cannot load " + library + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IOException("cannot load " + library + ": " + e, e);
        }
    }
}
