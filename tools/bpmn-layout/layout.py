"""Writes BPMN 2.0 XML with diagram interchange (shapes and edges) from a compact description.

Used to generate the shipped models' first version with a clean left-to-right layout; after that, analysts edit
the .bpmn files in Camunda Modeler (they are the source of truth, this script is not run by the build).
"""
from xml.sax.saxutils import escape, quoteattr

SIZES = {"start": (36, 36), "end": (36, 36), "catch": (36, 36), "timer": (36, 36), "boundary": (36, 36),
         "service": (100, 80), "user": (100, 80), "call": (100, 80),
         "xor": (50, 50), "ebg": (50, 50), "annotation": (220, 70), "sub": (0, 0)}
TAGS = {"start": "startEvent", "end": "endEvent", "catch": "intermediateCatchEvent", "timer": "intermediateCatchEvent",
        "boundary": "boundaryEvent", "service": "serviceTask", "user": "userTask", "call": "callActivity",
        "xor": "exclusiveGateway", "ebg": "eventBasedGateway", "sub": "subProcess"}


class Model:
    def __init__(self, pid, name, ttl, doc):
        self.pid, self.name, self.ttl, self.doc = pid, name, ttl, doc
        self.nodes, self.flows, self.messages, self.errors, self.annotations = [], [], {}, {}, []

    def node(self, nid, kind, name, x, y, attrs="", inner="", attached=None, doc=None, parent=None, size=None):
        self.nodes.append(dict(id=nid, kind=kind, name=name, x=x, y=y, attrs=attrs, inner=inner,
                               attached=attached, doc=doc, parent=parent, size=size))

    def flow(self, fid, src, tgt, name=None, cond=None, waypoints=None):
        parent = next(n["parent"] for n in self.nodes if n["id"] == src)
        self.flows.append(dict(id=fid, src=src, tgt=tgt, name=name, cond=cond, wp=waypoints, parent=parent))

    def message(self, name):
        mid = "Message_" + name
        self.messages[name] = mid
        return mid

    def error(self, code):
        eid = "Error_" + code
        self.errors[code] = eid
        return eid

    def annotate(self, aid, text, x, y, target):
        self.annotations.append(dict(id=aid, text=text, x=x, y=y, target=target))

    def _bounds(self, n):
        w, h = n["size"] if n.get("size") else SIZES[n["kind"]]
        return n["x"], n["y"], w, h

    def _center(self, n):
        x, y, w, h = self._bounds(n)
        return x + w / 2, y + h / 2

    def write(self, path):
        by_id = {n["id"]: n for n in self.nodes}
        incoming = {n["id"]: [] for n in self.nodes}
        outgoing = {n["id"]: [] for n in self.nodes}
        for f in self.flows:
            outgoing[f["src"]].append(f["id"])
            incoming[f["tgt"]].append(f["id"])
        o = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
             'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" '
             'xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" '
             'xmlns:modeler="http://camunda.org/schema/modeler/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
             f'id="Definitions_{self.pid.replace("-", "_")}" targetNamespace="http://smsflows.io/bpmn" '
             'exporter="SMS Flows" exporterVersion="0.1.0" modeler:executionPlatform="Camunda Platform" '
             'modeler:executionPlatformVersion="7.24.0">']
        o.append(f'  <bpmn:process id="{self.pid}" name={quoteattr(self.name)} isExecutable="true" '
                 f'camunda:historyTimeToLive="{self.ttl}">')
        o.append(f'    <bpmn:documentation>{escape(self.doc)}</bpmn:documentation>')
        self._elements(o, None, incoming, outgoing, "    ")
        for a in self.annotations:
            o.append(f'    <bpmn:textAnnotation id="{a["id"]}"><bpmn:text>{escape(a["text"])}</bpmn:text></bpmn:textAnnotation>')
            o.append(f'    <bpmn:association id="{a["id"]}_Association" associationDirection="None" '
                     f'sourceRef="{a["target"]}" targetRef="{a["id"]}" />')
        o.append('  </bpmn:process>')
        for name, mid in self.messages.items():
            o.append(f'  <bpmn:message id="{mid}" name="{name}" />')
        for code, eid in self.errors.items():
            o.append(f'  <bpmn:error id="{eid}" name="{code}" errorCode="{code}" />')
        o.append(f'  <bpmndi:BPMNDiagram id="BPMNDiagram_{self.pid.replace("-", "_")}">')
        o.append(f'    <bpmndi:BPMNPlane id="BPMNPlane_{self.pid.replace("-", "_")}" bpmnElement="{self.pid}">')
        for n in self.nodes:
            x, y, w, h = self._bounds(n)
            marker = ' isMarkerVisible="true"' if n["kind"] == "xor" else ' isExpanded="true"' if n["kind"] == "sub" else ""
            o.append(f'      <bpmndi:BPMNShape id="{n["id"]}_di" bpmnElement="{n["id"]}"{marker}>')
            o.append(f'        <dc:Bounds x="{x}" y="{y}" width="{w}" height="{h}" />')
            if n["kind"] not in ("service", "user", "call", "sub"):
                o.append(f'        <bpmndi:BPMNLabel><dc:Bounds x="{x - 30}" y="{y + h + 4}" width="{w + 60}" height="27" /></bpmndi:BPMNLabel>')
            o.append('      </bpmndi:BPMNShape>')
        for a in self.annotations:
            w, h = SIZES["annotation"]
            o.append(f'      <bpmndi:BPMNShape id="{a["id"]}_di" bpmnElement="{a["id"]}">')
            o.append(f'        <dc:Bounds x="{a["x"]}" y="{a["y"]}" width="{w}" height="{h}" />')
            o.append('      </bpmndi:BPMNShape>')
        for f in self.flows:
            s, t = by_id[f["src"]], by_id[f["tgt"]]
            pts = f["wp"] or self._route(s, t)
            o.append(f'      <bpmndi:BPMNEdge id="{f["id"]}_di" bpmnElement="{f["id"]}">')
            for px, py in pts:
                o.append(f'        <di:waypoint x="{int(px)}" y="{int(py)}" />')
            if f["name"]:
                lx, ly = pts[1] if len(pts) > 2 else pts[0]
                o.append(f'        <bpmndi:BPMNLabel><dc:Bounds x="{int(lx) + 6}" y="{int(ly) - 22}" width="80" height="14" /></bpmndi:BPMNLabel>')
            o.append('      </bpmndi:BPMNEdge>')
        for a in self.annotations:
            t = by_id[a["target"]]
            cx, cy = self._center(t)
            o.append(f'      <bpmndi:BPMNEdge id="{a["id"]}_Association_di" bpmnElement="{a["id"]}_Association">')
            o.append(f'        <di:waypoint x="{int(cx)}" y="{int(self._bounds(t)[1])}" />')
            o.append(f'        <di:waypoint x="{a["x"] + 20}" y="{a["y"] + SIZES["annotation"][1]}" />')
            o.append('      </bpmndi:BPMNEdge>')
        o += ['    </bpmndi:BPMNPlane>', '  </bpmndi:BPMNDiagram>', '</bpmn:definitions>', '']
        with open(path, "w") as fh:
            fh.write("\n".join(o))

    def _elements(self, o, parent, incoming, outgoing, pad):
        for n in [n for n in self.nodes if n["parent"] == parent]:
            tag = TAGS[n["kind"]]
            extra = f' attachedToRef="{n["attached"]}"' if n["attached"] else ""
            o.append(f'{pad}<bpmn:{tag} id="{n["id"]}" name={quoteattr(n["name"])}{extra}{(" " + n["attrs"]) if n["attrs"] else ""}>')
            if n["doc"]:
                o.append(f'{pad}  <bpmn:documentation>{escape(n["doc"])}</bpmn:documentation>')
            inner = n["inner"]
            ext, defs = "", ""
            if inner:
                if "<bpmn:extensionElements>" in inner:
                    end = inner.index("</bpmn:extensionElements>") + len("</bpmn:extensionElements>")
                    ext, defs = inner[:end], inner[end:]
                else:
                    defs = inner
            if ext:
                o.append(pad + "  " + ext)
            for f in incoming[n["id"]]:
                o.append(f'{pad}  <bpmn:incoming>{f}</bpmn:incoming>')
            for f in outgoing[n["id"]]:
                o.append(f'{pad}  <bpmn:outgoing>{f}</bpmn:outgoing>')
            if defs.strip():
                o.append(pad + "  " + defs.strip())
            if n["kind"] == "sub":
                self._elements(o, n["id"], incoming, outgoing, pad + "  ")
            o.append(f'{pad}</bpmn:{tag}>')
        for f in [f for f in self.flows if f["parent"] == parent]:
            name = f' name={quoteattr(f["name"])}' if f["name"] else ""
            if f["cond"]:
                o.append(f'{pad}<bpmn:sequenceFlow id="{f["id"]}"{name} sourceRef="{f["src"]}" targetRef="{f["tgt"]}">')
                o.append(f'{pad}  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{escape(f["cond"])}</bpmn:conditionExpression>')
                o.append(f'{pad}</bpmn:sequenceFlow>')
            else:
                o.append(f'{pad}<bpmn:sequenceFlow id="{f["id"]}"{name} sourceRef="{f["src"]}" targetRef="{f["tgt"]}" />')

    def _route(self, s, t):
        sx, sy, sw, sh = self._bounds(s)
        tx, ty, tw, th = self._bounds(t)
        scx, scy = sx + sw / 2, sy + sh / 2
        tcx, tcy = tx + tw / 2, ty + th / 2
        if s["kind"] == "boundary":  # leave downwards, then right
            return [(scx, sy + sh), (scx, tcy), (tx, tcy)]
        if abs(scy - tcy) < 1:
            return [(sx + sw, scy), (tx, tcy)]
        if s["kind"] in ("xor", "ebg"):  # leave the gateway from top/bottom, then go right
            return [(scx, sy if tcy < scy else sy + sh), (scx, tcy), (tx, tcy)]
        # arrive at a gateway from top/bottom
        return [(sx + sw, scy), (tcx, scy), (tcx, ty if scy < tcy else ty + th)]
