package liquibase.ext.fdw.topology.graph;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Draws the {@link GraphModel} as SVG through Batik's {@link SVGGraphics2D}: one box per node (routing nodes, those
 * with servers or partitioned tables, on the left; the others on the right), the partitions with their bounds as
 * PostgreSQL prints them, and an arrow from each foreign partition to the table it reads on its node. Text is
 * monospaced so that widths are known without font metrics, and the layout depends only on the model: the same
 * topology gives the same file.
 */
final class SvgPicture {
    static final int FONT_SIZE = 13;
    // DejaVu Sans Mono and the other common monospaced faces advance 0.6 em per character; a little spare keeps a
    // wider face inside its box.
    private static final double CHAR_WIDTH = FONT_SIZE * 0.62;
    private static final int LINE = 19;
    private static final int PAD = 14;
    private static final int GAP_X = 150;
    private static final int GAP_Y = 28;
    private static final int MARGIN = 20;
    private static final Color ROUTER = new Color(0xE8F0FE);
    private static final Color HOLDER = new Color(0xE6F4EA);
    private static final Color BORDER = new Color(0x5F6368);
    private static final Color INK = new Color(0x202124);
    private static final Color MUTED = new Color(0x5F6368);
    private static final Color FOREIGN = new Color(0x1A73E8);
    private static final Color WARN = new Color(0xB06000);
    private static final Color BAD = new Color(0xC5221F);
    private static final Color GOOD = new Color(0x188038);

    private final GraphModel model;

    SvgPicture(GraphModel model) {
        this.model = model;
    }

    /** A line of text in a node box; {@code anchor} names it as the end of an arrow. */
    private record Line(String text, int indent, boolean bold, Color color, String anchor) {
    }

    /** A node box placed on the canvas. */
    private record Box(GraphModel.Node node, List<Line> lines, double x, double y, double width, double height,
            boolean router) {

        double lineY(int index) {
            return y + PAD + LINE * index + LINE * 0.5;
        }
    }

    /** An arrow from a line of one box to a line of another. */
    private record Arrow(String from, String to, boolean dashed) {
    }

    String render() {
        Map<String, List<Line>> content = new LinkedHashMap<>();
        List<Arrow> arrows = new ArrayList<>();
        for (GraphModel.Node node : model.nodes()) {
            content.put(node.name(), lines(node, arrows));
        }
        for (GraphModel.Node node : model.nodes()) {
            heldTables(node, content.get(node.name()));
        }
        List<Box> boxes = place(content);
        Map<String, double[]> anchors = new LinkedHashMap<>();
        for (Box box : boxes) {
            for (int i = 0; i < box.lines().size(); i++) {
                String anchor = box.lines().get(i).anchor();
                if (anchor != null) {
                    anchors.put(anchor, new double[] {box.x(), box.x() + box.width(), box.lineY(i)});
                }
            }
        }
        double width = boxes.stream().mapToDouble(b -> b.x() + b.width()).max().orElse(0) + MARGIN;
        double height = boxes.stream().mapToDouble(b -> b.y() + b.height()).max().orElse(0) + MARGIN;
        SVGGraphics2D g = graphics();
        g.setSVGCanvasSize(new Dimension((int) Math.ceil(width), (int) Math.ceil(height)));
        g.setPaint(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, Math.ceil(width), Math.ceil(height)));
        boxes.forEach(box -> drawBox(g, box));
        for (Arrow arrow : arrows) {
            double[] from = anchors.get(arrow.from());
            double[] to = anchors.get(arrow.to());
            if (from != null && to != null) {
                drawArrow(g, from[1], from[2], to[0], to[2], arrow.dashed());
            }
        }
        Element root = g.getRoot();
        // A viewBox lets a page scale the picture down to its width (report.html, a README).
        root.setAttribute("viewBox", "0 0 " + (int) Math.ceil(width) + " " + (int) Math.ceil(height));
        StringWriter out = new StringWriter();
        try {
            g.stream(root, out, false, false);
        } catch (IOException e) {
            throw new IllegalStateException("Writing SVG into a string failed", e);
        }
        // Batik names the SVG 1.0 DTD on the web; a reader that follows it would need the network, and SVG needs none.
        return out.toString().replaceFirst("<!DOCTYPE[^>]*>\\s*", "");
    }

    private static SVGGraphics2D graphics() {
        Document document;
        try {
            document = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
                    .createDocument("http://www.w3.org/2000/svg", "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("No XML document builder in this JVM", e);
        }
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
        context.setComment("liquibase-fdw topology");
        context.setEmbeddedFontsOn(false);
        SVGGraphics2D g = new SVGGraphics2D(context, false);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, FONT_SIZE));
        return g;
    }

    /** The lines of a node's box; arrows from its foreign partitions and servers are added to {@code arrows}. */
    private List<Line> lines(GraphModel.Node node, List<Arrow> arrows) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(node.name(), 0, true, INK, "node:" + node.name()));
        lines.add(new Line("PostgreSQL " + node.version() + "  " + node.address(), 0, false, MUTED, null));
        if (node.statusError() != null) {
            lines.add(new Line("status unknown: " + node.statusError(), 0, false, BAD, null));
        } else if (node.pending().isEmpty()) {
            lines.add(new Line("up to date", 0, false, GOOD, null));
        } else {
            lines.add(new Line(node.pending().size() + " changeset(s) pending", 0, true, WARN, null));
            node.pending().stream().limit(5).forEach(p -> lines.add(new Line(p, 1, false, WARN, null)));
            if (node.pending().size() > 5) {
                lines.add(new Line("... " + (node.pending().size() - 5) + " more", 1, false, WARN, null));
            }
        }
        if (model.lastRun() != null) {
            String goal = model.lastRun().goal();
            // report.json counts changesets applied by update and rolled back by rollback; other goals change none.
            String counted = "update".equals(goal) ? " applied, " : "rollback".equals(goal) ? " rolled back, " : null;
            model.lastRun().rows().stream().filter(r -> r.node().equals(node.name())).findFirst().ifPresent(r ->
                    lines.add(new Line("last " + goal + ": " + r.result() + " (" + (counted == null ? ""
                            : r.applied() + counted) + r.millis() + " ms)", 0, false,
                            "OK".equals(r.result()) ? MUTED : BAD, null)));
        }
        if (model.verification() != null) {
            model.verification().rows().stream().filter(r -> r.node().equals(node.name())).findFirst().ifPresent(r ->
                    lines.add(r.clean() ? new Line("verify: clean", 0, false, GOOD, null)
                            : new Line("verify: " + r.findings().size() + " finding(s)", 0, true, BAD, null)));
        }
        if (!node.servers().isEmpty()) {
            lines.add(new Line("servers", 0, true, INK, null));
            for (GraphModel.Server server : node.servers()) {
                String anchor = "server:" + node.name() + ":" + server.name();
                lines.add(new Line(server.name() + " -> " + (server.target() == null ? "outside the topology"
                        : server.target()), 1, false, server.target() == null ? WARN : INK, anchor));
                lines.add(new Line(server.address(), 2, false, MUTED, null));
                for (GraphModel.Mapping mapping : server.mappings()) {
                    lines.add(new Line("mapping " + mapping.localUser() + " as "
                            + (mapping.remoteUser() == null ? "(no user option)" : mapping.remoteUser()), 2, false, MUTED,
                            null));
                }
                if (server.target() != null) {
                    arrows.add(new Arrow(anchor, "node:" + server.target(), true));
                }
            }
        }
        for (GraphModel.Parent parent : node.parents()) {
            lines.add(new Line(parent.qualifiedName() + "  " + parent.key(), 0, true, INK, null));
            for (GraphModel.Partition partition : parent.partitions()) {
                String anchor = "partition:" + node.name() + ":" + partition.schema() + "." + partition.name();
                lines.add(new Line(partition.name() + "  " + partition.bound(), 1, false,
                        partition.foreign() ? FOREIGN : INK, anchor));
                String where;
                if (!partition.foreign()) {
                    where = partition.partitioned() ? "local, partitioned" : "local";
                } else if (partition.target() == null) {
                    where = "foreign via " + partition.server() + " (outside the topology) " + partition.remoteTable();
                } else {
                    where = "foreign on " + partition.target() + " via " + partition.server() + ": "
                            + partition.remoteTable();
                    arrows.add(new Arrow(anchor, "held:" + partition.target() + ":" + partition.remoteTable(), false));
                }
                lines.add(new Line(where, 2, false, partition.foreign() && partition.target() == null ? WARN : MUTED,
                        null));
            }
        }
        return lines;
    }

    /** Adds to {@code node}'s box the tables other nodes' foreign partitions read there, with their bounds. */
    private void heldTables(GraphModel.Node node, List<Line> lines) {
        Map<String, List<String>> held = new LinkedHashMap<>();
        for (GraphModel.Node other : model.nodes()) {
            for (GraphModel.Parent parent : other.parents()) {
                for (GraphModel.Partition partition : parent.partitions()) {
                    if (node.name().equals(partition.target())) {
                        held.computeIfAbsent(partition.remoteTable(), k -> new ArrayList<>())
                                .add(partition.bound() + " of " + other.name() + ":" + parent.qualifiedName());
                    }
                }
            }
        }
        if (held.isEmpty()) {
            return;
        }
        lines.add(new Line("holds", 0, true, INK, null));
        held.forEach((table, bounds) -> {
            lines.add(new Line(table, 1, false, FOREIGN, "held:" + node.name() + ":" + table));
            bounds.forEach(bound -> lines.add(new Line(bound, 2, false, MUTED, null)));
        });
    }

    private List<Box> place(Map<String, List<Line>> content) {
        List<GraphModel.Node> left = model.nodes().stream().filter(GraphModel.Node::routes).toList();
        List<GraphModel.Node> right = model.nodes().stream().filter(n -> !n.routes()).toList();
        if (left.isEmpty()) {
            left = right;
            right = List.of();
        }
        List<Box> boxes = new ArrayList<>();
        double leftWidth = column(left, content, MARGIN, true, boxes);
        column(right, content, MARGIN + leftWidth + GAP_X, false, boxes);
        return boxes;
    }

    /** Stacks {@code nodes} in a column of equal-width boxes at {@code x}; returns the column's width. */
    private static double column(List<GraphModel.Node> nodes, Map<String, List<Line>> content, double x, boolean router,
            List<Box> boxes) {
        double width = 0;
        for (GraphModel.Node node : nodes) {
            for (Line line : content.get(node.name())) {
                width = Math.max(width, textWidth(line) + 2 * PAD);
            }
        }
        double y = MARGIN;
        for (GraphModel.Node node : nodes) {
            List<Line> lines = content.get(node.name());
            double height = 2 * PAD + LINE * lines.size();
            boxes.add(new Box(node, lines, x, y, width, height, router));
            y += height + GAP_Y;
        }
        return width;
    }

    private static double textWidth(Line line) {
        return line.indent() * 2 * CHAR_WIDTH + line.text().length() * CHAR_WIDTH * (line.bold() ? 1.05 : 1);
    }

    private static void drawBox(SVGGraphics2D g, Box box) {
        RoundRectangle2D shape = new RoundRectangle2D.Double(box.x(), box.y(), box.width(), box.height(), 12, 12);
        g.setPaint(box.router() ? ROUTER : HOLDER);
        g.fill(shape);
        g.setPaint(BORDER);
        g.setStroke(new BasicStroke(1.2f));
        g.draw(shape);
        for (int i = 0; i < box.lines().size(); i++) {
            Line line = box.lines().get(i);
            g.setPaint(line.color());
            g.setFont(new Font(Font.MONOSPACED, line.bold() ? Font.BOLD : Font.PLAIN, i == 0 ? FONT_SIZE + 2 : FONT_SIZE));
            float x = (float) (box.x() + PAD + line.indent() * 2 * CHAR_WIDTH);
            // The baseline sits a third of the font size below the line's middle.
            g.drawString(line.text(), x, (float) (box.lineY(i) + FONT_SIZE * 0.35));
        }
    }

    private static void drawArrow(SVGGraphics2D g, double x1, double y1, double x2, double y2, boolean dashed) {
        double startX = x1 + 4;
        double endX = x2 - 6;
        double bend = (endX - startX) / 2;
        g.setPaint(dashed ? MUTED : FOREIGN);
        g.setStroke(dashed ? new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {5, 4}, 0)
                : new BasicStroke(1.6f));
        g.draw(new CubicCurve2D.Double(startX, y1, startX + bend, y1, endX - bend, y2, endX, y2));
        Path2D head = new Path2D.Double();
        head.moveTo(x2 - 1, y2);
        head.lineTo(endX - 5, y2 - 4.5);
        head.lineTo(endX - 5, y2 + 4.5);
        head.closePath();
        g.fill(head);
    }
}
