// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.tests;

import static org.rsmworkbench.tests.support.TestUtils.waitFor;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.debug.ui.ILaunchConfigurationDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** Helpers of the UI tests: finding widgets, pressing them, waiting while the UI thread keeps dispatching. */
final class Ui {
    private Ui() {
    }

    /** A launch configuration dialog that only says the mode: enough for tabs that run on a plain shell. */
    static ILaunchConfigurationDialog dialog(String mode) {
        return (ILaunchConfigurationDialog) Proxy.newProxyInstance(Ui.class.getClassLoader(), new Class<?>[] {ILaunchConfigurationDialog.class},
                (proxy, method, args) -> switch (method.getName()) {
                case "getMode" -> mode;
                case "generateName" -> args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                case "toString" -> "test launch configuration dialog";
                default -> method.getReturnType() == boolean.class ? false : method.getReturnType() == int.class ? 0 : null;
                });
    }

    static List<Control> all(Control root) {
        List<Control> controls = new ArrayList<>();
        controls.add(root);
        if (root instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                controls.addAll(all(child));
            }
        }
        return controls;
    }

    static Button button(Control root, String text) {
        return all(root).stream().filter(c -> c instanceof Button b && b.getText().equals(text)).map(Button.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no button \"" + text + "\""));
    }

    static Group group(Control root, String text) {
        return all(root).stream().filter(c -> c instanceof Group g && g.getText().equals(text)).map(Group.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no group \"" + text + "\""));
    }

    /** The first text field after the button or label with that text, among its siblings. */
    static Text textAfter(Control root, String text) {
        Control anchor = all(root).stream().filter(c -> c instanceof Button b && b.getText().equals(text) || c instanceof Label l && l.getText().equals(text))
                .findFirst().orElseThrow(() -> new AssertionError("no button or label \"" + text + "\""));
        Control[] siblings = anchor.getParent().getChildren();
        boolean after = false;
        for (Control sibling : siblings) {
            if (sibling == anchor) {
                after = true;
            } else if (after && sibling instanceof Text t) {
                return t;
            }
        }
        throw new AssertionError("no text after \"" + text + "\"");
    }

    /** The first text field in the group with that title. */
    static Text textIn(Control root, String group) {
        return all(group(root, group)).stream().filter(Text.class::isInstance).map(Text.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no text in group \"" + group + "\""));
    }

    /** Selects a radio button (deselecting its siblings) or toggles a check box, as a click does. */
    static void select(Button button, boolean selected) {
        if ((button.getStyle() & SWT.RADIO) != 0) {
            for (Control sibling : button.getParent().getChildren()) {
                if (sibling instanceof Button other && (other.getStyle() & SWT.RADIO) != 0) {
                    other.setSelection(false);
                }
            }
        }
        button.setSelection(selected);
        button.notifyListeners(SWT.Selection, new Event());
    }

    /** A watch over the shown shells (see {@link #watchShells}); closing it ends the watch. */
    static final class ShellWatch implements AutoCloseable {
        private volatile boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Watches for a shell with that title: runs the action on it until the action says it is done (see {@link #watchShells}). */
    static ShellWatch whenShellShows(String title, Duration timeout, Predicate<Shell> action) {
        return watchShells(timeout, shell -> title.equals(shell.getText()), action);
    }

    /** Watches the shown dialogs (shells with a parent): runs the action on them until it says it is done. */
    static ShellWatch whileDialogsShow(Duration timeout, Predicate<Shell> action) {
        return watchShells(timeout, shell -> shell.getParent() != null, action);
    }

    /**
     * From now on, runs the action on every shown shell that is watched until the action says it is done, the timeout
     * has passed or the watch is closed (close it when the test has what it waited for: a watch left running would
     * act on the dialogs of later tests). Checks from timer callbacks, which also run in the event loop of a modal
     * dialog that the test's thread is waiting under.
     */
    private static ShellWatch watchShells(Duration timeout, Predicate<Shell> watched, Predicate<Shell> action) {
        ShellWatch watch = new ShellWatch();
        Display display = Display.getCurrent();
        long end = System.nanoTime() + timeout.toNanos();
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            if (watch.closed) {
                return;
            }
            for (Shell shell : display.getShells()) {
                if (!shell.isDisposed() && shell.isVisible() && watched.test(shell) && action.test(shell)) {
                    watch.close();
                    return;
                }
            }
            if (System.nanoTime() < end && !display.isDisposed()) {
                display.timerExec(100, check[0]);
            }
        };
        display.timerExec(100, check[0]);
        return watch;
    }

    /**
     * Saves the shell (the workbench window) as DIR/NAME.png, DIR from -Drsmworkbench.screenshots (default
     * target/screenshots), after half a second of dispatching so that it shows what the UI was about to draw.
     */
    static Path screenshot(Shell shell, String name) throws IOException {
        waitFor(() -> false, Duration.ofMillis(500));
        Rectangle bounds = shell.getBounds();
        Image image = new Image(shell.getDisplay(), bounds.width, bounds.height);
        GC gc = new GC(shell.getDisplay());
        try {
            gc.copyArea(image, bounds.x, bounds.y);
        } finally {
            gc.dispose();
        }
        ImageData data = image.getImageData();
        image.dispose();
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {data};
        Path png = Path.of(System.getProperty("rsmworkbench.screenshots", "target/screenshots")).toAbsolutePath().resolve(name + ".png");
        Files.createDirectories(png.getParent());
        loader.save(png.toString(), SWT.IMAGE_PNG);
        return png;
    }
}
