// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.releng.modelgen;

import java.io.File;
import java.util.List;

import org.eclipse.emf.codegen.ecore.generator.Generator;
import org.eclipse.emf.codegen.ecore.generator.GeneratorAdapterFactory;
import org.eclipse.emf.codegen.ecore.genmodel.GenModel;
import org.eclipse.emf.codegen.ecore.genmodel.GenModelPackage;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenBaseGeneratorAdapter;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenModelGeneratorAdapterFactory;
import org.eclipse.emf.common.util.BasicMonitor;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.plugin.EcorePlugin;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.EcoreResourceFactoryImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

/**
 * Runs EMF's generator on a .genmodel outside Eclipse (no OSGi, no workspace): the projects that the
 * genmodel names ({@code /org.rsmworkbench.model/src-gen}, ...) are mapped to the folders of the same
 * name under {@code bundles/}. Existing files are merged as in the IDE: members marked
 * {@code @generated NOT} (or without {@code @generated}) are kept.
 * <p>
 * Usage: {@code GenerateModel <repository root> <genmodel path> [model|edit]...} (default: model edit).
 */
public final class GenerateModel {
    private static final List<String> PROJECTS = List.of("org.rsmworkbench.model", "org.rsmworkbench.model.edit");

    private GenerateModel() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: GenerateModel <repository root> <genmodel> [model|edit]...");
            System.exit(2);
        }
        File root = new File(args[0]).getAbsoluteFile();
        File genModelFile = new File(args[1]).getAbsoluteFile();
        List<String> kinds = args.length > 2 ? List.of(args).subList(2, args.length) : List.of("model", "edit");

        for (String project : PROJECTS) {
            File dir = new File(root, "bundles/" + project);
            EcorePlugin.getPlatformResourceMap().put(project, URI.createFileURI(dir.getPath() + "/"));
        }
        EcorePackage.eINSTANCE.eClass();
        GenModelPackage.eINSTANCE.eClass();
        ResourceSet resourceSet = new ResourceSetImpl();
        resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap().put("ecore", new EcoreResourceFactoryImpl());
        resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap().put("genmodel", new XMIResourceFactoryImpl());
        resourceSet.getURIConverter().getURIMap().putAll(EcorePlugin.computePlatformURIMap(false));

        Resource resource = resourceSet.getResource(URI.createFileURI(genModelFile.getPath()), true);
        GenModel genModel = (GenModel) resource.getContents().get(0);
        genModel.reconcile();
        Diagnostic check = genModel.diagnose();
        report("genmodel", check);
        if (check.getSeverity() == Diagnostic.ERROR) {
            System.exit(1);
        }
        genModel.setCanGenerate(true);

        GeneratorAdapterFactory.Descriptor.Registry.INSTANCE.addDescriptor(GenModelPackage.eNS_URI,
                GenModelGeneratorAdapterFactory.DESCRIPTOR);
        Generator generator = new Generator();
        generator.setInput(genModel);
        int severity = Diagnostic.OK;
        for (String kind : kinds) {
            Object type = switch (kind) {
            case "model" -> GenBaseGeneratorAdapter.MODEL_PROJECT_TYPE;
            case "edit" -> GenBaseGeneratorAdapter.EDIT_PROJECT_TYPE;
            default -> throw new IllegalArgumentException("unknown kind " + kind + " (model, edit)");
            };
            Diagnostic result = generator.generate(genModel, type, new BasicMonitor.Printing(System.out));
            report(kind, result);
            severity = Math.max(severity, result.getSeverity());
        }
        System.exit(severity >= Diagnostic.ERROR ? 1 : 0);
    }

    private static void report(String what, Diagnostic diagnostic) {
        if (diagnostic.getSeverity() != Diagnostic.OK) {
            System.err.println(what + ": " + diagnostic.getMessage());
            for (Diagnostic child : diagnostic.getChildren()) {
                System.err.println("  " + child.getMessage());
                if (child.getException() != null) {
                    child.getException().printStackTrace();
                }
            }
        }
    }
}
