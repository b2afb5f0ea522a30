// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.clusters;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.rsmworkbench.core.clusters.DeadlockDiagram;
import org.rsmworkbench.core.clusters.DeadlockDiagram.Arrow;
import org.rsmworkbench.core.clusters.DeadlockDiagram.NodeCircle;
import org.rsmworkbench.emulator.WaitForAnalysis.Deadlock;

/** The deadlock dialog: the report's text, and under it the cycle drawn ({@link DeadlockDiagram}). */
final class DeadlockDialog extends MessageDialog {
    private static final Point DIAGRAM_SIZE = new Point(420, 260);
    private final Deadlock deadlock;

    DeadlockDialog(Shell parent, String message, Deadlock deadlock) {
        super(parent, DeadlockNotification.TITLE, null, message, MessageDialog.ERROR, 0, "Close");
        this.deadlock = deadlock;
        setBlockOnOpen(false); // the view's refresh goes on; the user reads it when they like
    }

    @Override
    protected Control createCustomArea(Composite parent) {
        Canvas canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).hint(DIAGRAM_SIZE).applyTo(canvas);
        canvas.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        canvas.setToolTipText(DeadlockDiagram.compute(deadlock, DIAGRAM_SIZE.x, DIAGRAM_SIZE.y).describe());
        canvas.addPaintListener(e -> paint(e.gc, DeadlockDiagram.compute(deadlock, canvas.getClientArea().width,
                canvas.getClientArea().height), canvas.getDisplay()));
        return canvas;
    }

    private static void paint(GC gc, DeadlockDiagram diagram, Display display) {
        gc.setAntialias(SWT.ON);
        gc.setLineWidth(2);
        gc.setForeground(display.getSystemColor(SWT.COLOR_DARK_RED));
        gc.setBackground(display.getSystemColor(SWT.COLOR_DARK_RED));
        for (Arrow arrow : diagram.arrows()) {
            gc.drawLine(round(arrow.x1()), round(arrow.y1()), round(arrow.x2()), round(arrow.y2()));
            double[] head = arrow.head();
            gc.fillPolygon(new int[] { round(arrow.x2()), round(arrow.y2()), round(head[0]), round(head[1]), round(head[2]),
                    round(head[3]) });
        }
        // the list's own colours: a theme's tooltip colours (COLOR_INFO_*) can be light text on black
        for (NodeCircle node : diagram.nodes()) {
            int r = round(node.radius());
            gc.setBackground(display.getSystemColor(SWT.COLOR_LIST_BACKGROUND));
            gc.fillOval(round(node.x()) - r, round(node.y()) - r, 2 * r, 2 * r);
            gc.setForeground(display.getSystemColor(SWT.COLOR_DARK_RED));
            gc.drawOval(round(node.x()) - r, round(node.y()) - r, 2 * r, 2 * r);
            gc.setForeground(display.getSystemColor(SWT.COLOR_LIST_FOREGROUND));
            centred(gc, node.label(), node.x(), node.y(), SWT.COLOR_LIST_BACKGROUND, display);
            centred(gc, node.site(), node.x(), node.y() + r + gc.getFontMetrics().getHeight() / 2.0 + 2,
                    SWT.COLOR_LIST_BACKGROUND, display);
        }
    }

    private static void centred(GC gc, String text, double x, double y, int background, Display display) {
        Point extent = gc.textExtent(text);
        gc.setBackground(display.getSystemColor(background));
        gc.drawText(text, round(x - extent.x / 2.0), round(y - extent.y / 2.0));
    }

    private static int round(double value) {
        return (int) Math.round(value);
    }
}
