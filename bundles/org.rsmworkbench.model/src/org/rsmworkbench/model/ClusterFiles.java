// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.emf.common.CommonPlugin;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.common.util.WrappedException;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.rsmworkbench.emulator.UntrustedFiles;
import org.rsmworkbench.model.cluster.Cluster;
import org.rsmworkbench.model.cluster.ClusterPackage;
import org.rsmworkbench.model.cluster.util.ClusterResourceFactoryImpl;
import org.xml.sax.SAXParseException;

/**
 * Reading and writing {@code .rsmcluster} files (XMI). Works in Eclipse and on a plain class path: the
 * resource sets made here know the file extension and the package without the plug-in registry.
 * Loading reads only the file itself (a regular file, of bounded size, never blocking; no reference to another
 * document, see {@code SelfContainedXmiLoad}) and fails with a {@link ClusterFileException} that gives the line
 * and the cause; saving writes a
 * new temporary file next to the target and renames it over the target ({@link UntrustedFiles#write}), so a failed
 * save never destroys the previous file and a symbolic link at the target is replaced, never written through.
 */
public final class ClusterFiles {
    /** The file extension of cluster models. */
    public static final String FILE_EXTENSION = "rsmcluster";
    /** The content type of cluster models (plugin.xml). */
    public static final String CONTENT_TYPE = "org.rsmworkbench.model.rsmcluster";
    /** The largest cluster file that {@link #load} reads (64 nodes fully connected take about 250 KB). */
    public static final long MAX_FILE_BYTES = 64L << 20;

    private ClusterFiles() {
    }

    /** A resource set that reads and writes {@code .rsmcluster} files, with fast load options. */
    public static ResourceSet createResourceSet() {
        ResourceSet set = new ResourceSetImpl();
        set.getPackageRegistry().put(ClusterPackage.eNS_URI, ClusterPackage.eINSTANCE);
        set.getResourceFactoryRegistry().getExtensionToFactoryMap().put(FILE_EXTENSION, new ClusterResourceFactoryImpl());
        set.getLoadOptions().putAll(loadOptions());
        return set;
    }

    /** The options {@link #load} uses: deferred references, parser pool, name cache. */
    public static Map<Object, Object> loadOptions() {
        Map<Object, Object> options = new HashMap<>();
        options.put(XMLResource.OPTION_DEFER_IDREF_RESOLUTION, Boolean.TRUE);
        options.put(XMLResource.OPTION_USE_PARSER_POOL, PARSER_POOL);
        options.put(XMLResource.OPTION_USE_XML_NAME_TO_FEATURE_MAP, new HashMap<>());
        options.put(XMLResource.OPTION_USE_DEPRECATED_METHODS, Boolean.FALSE);
        // a cluster file has no DTD: no entity to expand, no external subset to fetch
        options.put(XMLResource.OPTION_PARSER_FEATURES, Map.of(DISALLOW_DOCTYPE, Boolean.TRUE));
        return options;
    }

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

    private static final org.eclipse.emf.ecore.xmi.impl.XMLParserPoolImpl PARSER_POOL = new org.eclipse.emf.ecore.xmi.impl.XMLParserPoolImpl();

    /** Loads the cluster in the file, in a new resource set. */
    public static Cluster load(Path file) throws IOException {
        return load(createResourceSet(), URI.createFileURI(file.toAbsolutePath().toString()));
    }

    /**
     * Loads the cluster at {@code uri} into {@code resourceSet} (for an editor, its editing domain's).
     *
     * @throws ClusterFileException if the file is not a well-formed cluster model: with line, column and cause
     * @throws IOException if it cannot be read at all (missing, no permission)
     */
    public static Cluster load(ResourceSet resourceSet, URI uri) throws IOException {
        Resource resource = resourceSet.getResource(uri, false);
        if (resource == null) {
            resource = resourceSet.createResource(uri);
            if (resource == null) {
                resource = new ClusterResourceFactoryImpl().createResource(uri);
                resourceSet.getResources().add(resource);
            }
        }
        if (!resource.isLoaded()) {
            try {
                resource.load(new ByteArrayInputStream(content(uri)), resourceSet.getLoadOptions());
            } catch (IOException | WrappedException | IllegalStateException e) {
                resource.unload();
                throw problem(uri, e);
            }
        }
        if (!resource.getErrors().isEmpty()) {
            Resource.Diagnostic first = resource.getErrors().get(0);
            resource.unload();
            throw new ClusterFileException(where(uri), first.getLine(), first.getColumn(), message(first.getMessage()),
                    first instanceof Exception e ? e : null);
        }
        if (resource.getContents().isEmpty()) {
            throw new ClusterFileException(where(uri), 1, 0, "the file holds no cluster", null);
        }
        EObject root = resource.getContents().get(0);
        if (!(root instanceof Cluster cluster)) {
            throw new ClusterFileException(where(uri), 0, 0,
                    "the file holds a " + root.eClass().getName() + ", not a Cluster", null);
        }
        return cluster;
    }

    /**
     * The bytes of the file at {@code uri}, read as {@link UntrustedFiles} does (never a FIFO, a device or a
     * directory, never more than {@link #MAX_FILE_BYTES}), after resolving symbolic links on the way to it.
     */
    private static byte[] content(URI uri) throws IOException {
        URI local = uri.isFile() ? uri : CommonPlugin.resolve(uri);
        if (!local.isFile()) {
            throw new ClusterFileException(where(uri), 0, 0, "not a file of the local file system", null);
        }
        return UntrustedFiles.read(Path.of(local.toFileString()).toRealPath(), MAX_FILE_BYTES);
    }

    /**
     * Saves the cluster to the file, in a resource of its own if it has none, as {@link UntrustedFiles#write} writes
     * (a new file, of the umask's mode, renamed over the target).
     */
    public static void save(Cluster cluster, Path file) throws IOException {
        Resource resource = cluster.eResource();
        if (resource == null) {
            resource = createResourceSet().createResource(URI.createFileURI(file.toAbsolutePath().toString()));
            resource.getContents().add(cluster);
        }
        Resource saved = resource;
        UntrustedFiles.write(file, out -> saved.save(out, saveOptions()));
    }

    /** The options {@link #save} uses: UTF-8, schema location, line width 120. */
    public static Map<Object, Object> saveOptions() {
        Map<Object, Object> options = new HashMap<>();
        options.put(XMLResource.OPTION_ENCODING, "UTF-8");
        options.put(XMLResource.OPTION_LINE_WIDTH, 120);
        options.put(XMLResource.OPTION_USE_CACHED_LOOKUP_TABLE, new java.util.ArrayList<>());
        return options;
    }

    private static ClusterFileException problem(URI uri, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SAXParseException sax) {
                return new ClusterFileException(where(uri), sax.getLineNumber(), sax.getColumnNumber(),
                        message(sax.getMessage()), e);
            }
            if (t instanceof Resource.Diagnostic d && d.getLine() > 0) {
                return new ClusterFileException(where(uri), d.getLine(), d.getColumn(), message(d.getMessage()), e);
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.nio.file.NoSuchFileException || root instanceof java.io.FileNotFoundException) {
            return new ClusterFileException(where(uri), 0, 0, "no such file", e);
        }
        return new ClusterFileException(where(uri), 0, 0, message(root.getMessage() != null ? root.getMessage() : root.toString()), e);
    }

    private static String where(URI uri) {
        return uri.isFile() ? uri.toFileString() : uri.toString();
    }

    private static String message(String s) {
        return s == null ? "unreadable" : s.strip();
    }
}
