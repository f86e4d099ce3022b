package io.smsflows.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Association;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.DataObjectReference;
import org.camunda.bpm.model.bpmn.instance.DataStoreReference;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.MessageFlow;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.api.Test;

/**
 * The diagrams of the shipped models read without labels printed over each other: measured on the diagram
 * interchange (the positions Modeler, Cockpit and bpmn-js draw), for every model in src/main/resources/bpmn.
 *
 * <p>A label is the text of an event, gateway or flow, drawn outside its shape (tasks and sub-processes carry their
 * name inside, and are not labels). A label must not overlap another label, a shape other than its own (a boundary
 * event's label not its host either), the title of an expanded sub-process, or a line of another flow; boundary
 * events on the same host keep a gap. Label bounds must hold their text as bpmn-js draws it (11px Arial, 13.2px a
 * line, wrapped at the label's width), else the drawn text is not where the bounds say.
 */
class DiagramLabelsTest {

    private static final Path MODELS = Path.of("src/main/resources/bpmn");
    /** Rectangles may touch: only overlaps deeper than this count. */
    private static final double TOUCH = 1;
    private static final double BOUNDARY_GAP = 10;
    private static final double LINE_HEIGHT = 14;

    /** A rectangle of the diagram: a shape, a label or a sub-process title, and the element it belongs to. */
    private record Box(String what, String owner, double x, double y, double w, double h) {

        static Box of(String what, String owner, Bounds b) {
            return new Box(what, owner, b.getX(), b.getY(), b.getWidth(), b.getHeight());
        }

        boolean overlaps(Box o) {
            return x + w - TOUCH > o.x && o.x + o.w - TOUCH > x && y + h - TOUCH > o.y && o.y + o.h - TOUCH > y;
        }

        boolean inside(Box o) {
            return x >= o.x - TOUCH && y >= o.y - TOUCH && x + w <= o.x + o.w + TOUCH && y + h <= o.y + o.h + TOUCH;
        }

        /** Gap to another rectangle (negative when they overlap). */
        double gap(Box o) {
            return Math.max(Math.max(o.x - (x + w), x - (o.x + o.w)), Math.max(o.y - (y + h), y - (o.y + o.h)));
        }

        /** Whether the segment crosses this rectangle shrunk by TOUCH (Liang-Barsky clipping). */
        boolean crossedBy(double x1, double y1, double x2, double y2) {
            double dx = x2 - x1;
            double dy = y2 - y1;
            double[] p = {-dx, dx, -dy, dy};
            double[] q = {x1 - (x + TOUCH), (x + w - TOUCH) - x1, y1 - (y + TOUCH), (y + h - TOUCH) - y1};
            double t0 = 0;
            double t1 = 1;
            for (int i = 0; i < 4; i++) {
                if (p[i] == 0) {
                    if (q[i] < 0) {
                        return false;
                    }
                } else if (p[i] < 0) {
                    t0 = Math.max(t0, q[i] / p[i]);
                } else {
                    t1 = Math.min(t1, q[i] / p[i]);
                }
            }
            return t0 < t1;
        }

        @Override
        public String toString() {
            return what + " " + owner;
        }
    }

    /** One model's diagram, in rectangles. */
    private static final class Diagram {
        final BpmnModelInstance model;
        final List<Box> shapes = new ArrayList<>();
        final List<Box> containers = new ArrayList<>();
        final List<Box> labels = new ArrayList<>();
        final Map<String, List<double[]>> edges = new LinkedHashMap<>();
        final List<String> unlabelled = new ArrayList<>();

        Diagram(Path file) {
            model = Bpmn.readModelFromFile(file.toFile());
            for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
                BaseElement element = shape.getBpmnElement();
                Box box = Box.of("shape", element.getId(), shape.getBounds());
                if (element instanceof SubProcess && shape.isExpanded()) {
                    containers.add(box);
                    String title = element.getAttributeValue("name");
                    if (title != null && !title.isBlank()) {
                        double width = Math.min(box.w, width(title));
                        shapes.add(new Box("title of", element.getId(), box.x + (box.w - width) / 2, box.y,
                                width, 7 + LINE_HEIGHT * lines(title, box.w)));
                    }
                } else {
                    shapes.add(box);
                }
                label(element, shape.getBpmnLabel());
            }
            for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
                List<double[]> points = new ArrayList<>();
                for (Waypoint point : edge.getWaypoints()) {
                    points.add(new double[] {point.getX(), point.getY()});
                }
                edges.put(edge.getBpmnElement().getId(), points);
                label(edge.getBpmnElement(), edge.getBpmnLabel());
            }
        }

        private void label(BaseElement element, BpmnLabel label) {
            String name = element.getAttributeValue("name");
            if (!hasExternalLabel(element) || name == null || name.isBlank()) {
                return;
            }
            if (label == null || label.getBounds() == null) {
                unlabelled.add(element.getId() + " '" + name + "'");
            } else {
                labels.add(Box.of("label of", element.getId(), label.getBounds()));
            }
        }

        String name(String id) {
            return model.getModelElementById(id).getAttributeValue("name");
        }

        /** The flows (and associations) that start or end at the element: its own label may sit on them. */
        Set<String> flowsAt(String id) {
            Set<String> ids = new HashSet<>(Set.of(id));
            for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
                if (flow.getSource().getId().equals(id) || flow.getTarget().getId().equals(id)) {
                    ids.add(flow.getId());
                }
            }
            for (Association association : model.getModelElementsByType(Association.class)) {
                if (association.getSource().getId().equals(id) || association.getTarget().getId().equals(id)) {
                    ids.add(association.getId());
                }
            }
            return ids;
        }
    }

    private static boolean hasExternalLabel(BaseElement element) {
        return element instanceof Event || element instanceof Gateway || element instanceof SequenceFlow
                || element instanceof MessageFlow || element instanceof DataObjectReference
                || element instanceof DataStoreReference;
    }

    /** Characters of Arial by advance width (in em, {@link #EM}): enough to measure labels as bpmn-js draws them. */
    private static final String[] GLYPHS = {"ijl", " tfI!.,:;'/", "r()-", "ckvsxyzJ",
        "abdeghnopqu0123456789L?_", "TZF", "SVXYEPBKA", "CDHNRUw", "GOQ", "mM", "W"};
    private static final double[] EM = {0.222, 0.278, 0.333, 0.5, 0.556, 0.611, 0.667, 0.722, 0.778, 0.833, 0.944};
    private static final double FONT_SIZE = 11;

    /** Width of a text in bpmn-js' label font, 11px Arial (other characters count 0.6em). */
    private static double width(String text) {
        double em = 0;
        for (char c : text.toCharArray()) {
            double w = 0.6;
            for (int k = 0; k < GLYPHS.length; k++) {
                if (GLYPHS[k].indexOf(c) >= 0) {
                    w = EM[k];
                }
            }
            em += w;
        }
        return em * FONT_SIZE;
    }

    /** Lines the text takes when wrapped at the given width, as bpmn-js wraps it; 0 if a word does not fit. */
    private static int lines(String text, double width) {
        int lines = 0;
        String line = null;
        for (String word : text.trim().split("\\s+")) {
            if (width(word) > width) {
                return 0;
            }
            if (line != null && width(line + " " + word) <= width) {
                line = line + " " + word;
            } else {
                lines++;
                line = word;
            }
        }
        return lines;
    }

    private static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(MODELS)) {
            return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    /** Runs the check on every model; fails listing every finding, grouped by model. */
    private static void assertNoFindings(String check, Function<Diagram, List<String>> findings)
            throws IOException {
        Map<String, List<String>> byModel = new LinkedHashMap<>();
        for (Path file : models()) {
            List<String> found = findings.apply(new Diagram(file));
            if (!found.isEmpty()) {
                byModel.put(file.getFileName().toString(), found);
            }
        }
        String report = byModel.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue().size() + "\n  " + String.join("\n  ", e.getValue()))
                .collect(Collectors.joining("\n"));
        assertThat(byModel).as("%s (%d in all)\n%s", check,
                byModel.values().stream().mapToInt(List::size).sum(), report).isEmpty();
    }

    @Test
    void there_are_models() throws IOException {
        assertThat(models()).hasSizeGreaterThan(5);
    }

    @Test
    void every_named_event_gateway_and_flow_has_label_bounds_that_hold_its_name() throws IOException {
        assertNoFindings("labels missing or too small for their text", d -> {
            List<String> found = new ArrayList<>();
            d.unlabelled.forEach(id -> found.add("no label bounds: " + id));
            for (Box label : d.labels) {
                String name = d.name(label.owner());
                int lines = lines(name, label.w());
                if (lines == 0 || label.h() < LINE_HEIGHT * lines - 2 * TOUCH) {
                    found.add("too small for '%s': %s %.0fx%.0f".formatted(name, label, label.w(), label.h()));
                }
            }
            return found;
        });
    }

    @Test
    void labels_overlap_no_other_label_shape_or_flow() throws IOException {
        assertNoFindings("labels drawn over other labels, shapes or flows", d -> {
            List<String> found = new ArrayList<>();
            for (int i = 0; i < d.labels.size(); i++) {
                Box label = d.labels.get(i);
                for (Box other : d.labels.subList(i + 1, d.labels.size())) {
                    if (label.overlaps(other)) {
                        found.add(label + " overlaps " + other);
                    }
                }
                for (Box shape : d.shapes) {
                    if (!shape.owner().equals(label.owner()) && label.overlaps(shape)) {
                        found.add(label + " overlaps " + shape);
                    }
                }
                for (Box container : d.containers) {
                    if (label.overlaps(container) && !label.inside(container)) {
                        found.add(label + " crosses the border of " + container.owner());
                    }
                }
                Set<String> own = d.flowsAt(label.owner());
                for (Map.Entry<String, List<double[]>> edge : d.edges.entrySet()) {
                    List<double[]> p = edge.getValue();
                    for (int k = 1; k < p.size() && !own.contains(edge.getKey()); k++) {
                        if (label.crossedBy(p.get(k - 1)[0], p.get(k - 1)[1], p.get(k)[0], p.get(k)[1])) {
                            found.add(label + " lies on flow " + edge.getKey());
                            break;
                        }
                    }
                }
            }
            return found;
        });
    }

    @Test
    void shapes_do_not_overlap_and_boundary_events_keep_apart() throws IOException {
        assertNoFindings("shapes drawn over each other, boundary events too close", d -> {
            List<String> found = new ArrayList<>();
            Map<String, String> hostOf = new LinkedHashMap<>();
            for (BoundaryEvent event : d.model.getModelElementsByType(BoundaryEvent.class)) {
                hostOf.put(event.getId(), event.getAttachedTo().getId());
            }
            List<Box> shapes = d.shapes.stream().filter(s -> s.what().equals("shape")).toList();
            for (int i = 0; i < shapes.size(); i++) {
                Box a = shapes.get(i);
                for (Box b : shapes.subList(i + 1, shapes.size())) {
                    boolean attached = b.owner().equals(hostOf.get(a.owner()))
                            || a.owner().equals(hostOf.get(b.owner()));
                    boolean sameHost = hostOf.containsKey(a.owner())
                            && hostOf.get(a.owner()).equals(hostOf.get(b.owner()));
                    if (sameHost && a.gap(b) < BOUNDARY_GAP - TOUCH) {
                        found.add("boundary events %s and %s are %.0fpx apart (at least %.0f)"
                                .formatted(a.owner(), b.owner(), a.gap(b), BOUNDARY_GAP));
                    } else if (!attached && !sameHost && a.overlaps(b)) {
                        found.add(a + " overlaps " + b);
                    }
                }
            }
            for (Box container : d.containers) {
                for (Box shape : shapes) {
                    boolean attached = container.owner().equals(hostOf.get(shape.owner()));
                    if (!attached && shape.overlaps(container) && !shape.inside(container)) {
                        found.add(shape + " crosses the border of " + container.owner());
                    }
                }
            }
            return found;
        });
    }
}
