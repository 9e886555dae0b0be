#!/usr/bin/env python3
"""A small discreet agent behind HTTP (protocol discreet-agent/1), Python 3 standard library only.

    python3 agent.py --plan plan.json [--port 8765] [--name plan-agent]
    harness/bin/discreet run --agent-url http://127.0.0.1:8765/ --tasks doctor-004

The harness POSTs one JSON object per message to the endpoint (schemas in
harness/src/main/resources/dev/discreet/harness/agent/remote/protocol/v1/):
  hello  -> {"protocol": "discreet-agent/1", "name": ..., "needsScreenshots": ...}
  begin  -> {} (the brief: goal, LOW values, HIGH keys by label, apps, ...)
  step   -> {"reasoning": ..., "action": {"name": "click", "x": ..., "y": ...}}

This agent does not think: it follows a plan of element labels from --plan, a JSON list of steps
  {"open": "doctor"}, {"tap": "My appointments"}, {"terminate": "success"}, {"action": {...any action...}}
taps the centre of the element whose label (else text, else hint) equals the step's label, scrolls when it is
not on screen, and confirms a confirmation dialog the plan does not mention. Replace decide() with a call to your
model to make it a real agent: everything else (the protocol, per-episode state) stays.
"""
import argparse
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PROTOCOL = "discreet-agent/1"


class Episode:
    def __init__(self, brief, plan):
        self.brief = brief
        self.plan = list(plan)
        self.index = 0
        self.scrolls = 0


def name_of(e):
    for k in ("label", "text", "hint"):
        if e.get(k):
            return e[k]
    return ""


def centre(e):
    b = e["bounds"]
    return (b["left"] + b["right"]) // 2, (b["top"] + b["bottom"]) // 2


def click(e, why):
    x, y = centre(e)
    return {"reasoning": why, "action": {"name": "click", "x": x, "y": y}}


def decide(ep, observation, feedback):
    """One decision for one observation: the only function a model-backed agent needs to replace."""
    els = observation["elements"]
    step = ep.plan[ep.index] if ep.index < len(ep.plan) else {"terminate": "success"}
    dialog = next((e for e in els if e.get("role") == "dialog"), None)
    if dialog is not None:
        inside = [e for e in els if e.get("group") == dialog.get("text") and e.get("clickable")]
        named = "tap" in step and any(name_of(e) == step["tap"] for e in inside)
        button = next((e for e in inside if e.get("role") == "button"), None)
        if not named and button is not None:
            return click(button, "Confirming '%s'." % dialog.get("text"))
    if "open" in step:
        ep.index += 1
        return {"reasoning": "Opening %s." % step["open"], "action": {"name": "open", "app": step["open"]}}
    if "tap" in step:
        matches = [e for e in els if name_of(e) == step["tap"]]
        target = next((e for e in matches if e.get("clickable")), matches[0] if matches else None)
        if target is None or centre(target)[1] >= observation["height"]:
            if ep.scrolls < 8:
                ep.scrolls += 1
                return {"reasoning": "Looking for '%s'." % step["tap"], "action": {"name": "swipe", "direction": "up"}}
            return {"reasoning": "'%s' is not on this screen." % step["tap"],
                    "action": {"name": "terminate", "status": "fail"}}
        ep.index += 1
        ep.scrolls = 0
        return click(target, "Tapping '%s'." % step["tap"])
    if "action" in step:
        ep.index += 1
        return {"reasoning": "Plan step %d." % ep.index, "action": step["action"]}
    ep.index += 1
    return {"reasoning": "Done.", "action": {"name": "terminate", "status": step.get("terminate", "success")}}


class Agent:
    def __init__(self, name, plan):
        self.name = name
        self.plan = plan
        self.episodes = {}
        self.lock = threading.Lock()

    def handle(self, msg):
        kind = msg.get("type")
        if kind == "hello":
            if PROTOCOL not in msg.get("protocols", [PROTOCOL]):
                raise ValueError("this agent speaks only " + PROTOCOL)
            return {"protocol": PROTOCOL, "name": self.name, "needsScreenshots": False}
        if kind == "begin":
            with self.lock:
                self.episodes[msg["episode"]] = Episode(msg["brief"], self.plan)
            return {}
        if kind == "step":
            with self.lock:
                ep = self.episodes[msg["episode"]]
            return decide(ep, msg["observation"], msg.get("feedback"))
        raise ValueError("unknown message type %r" % kind)


def serve(agent, port, exit_on_stdin_eof=False):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            try:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                reply, code = agent.handle(json.loads(body.decode("utf-8"))), 200
            except (ValueError, KeyError) as e:
                reply, code = {"error": str(e)}, 400
            data = json.dumps(reply).encode("utf-8")
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, fmt, *args):  # quiet: one line per request would drown the harness's output
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print("listening on http://127.0.0.1:%d/" % server.server_address[1], flush=True)
    if exit_on_stdin_eof:  # started by a program: stop when it goes away (its end of our stdin closes)
        threading.Thread(target=lambda: (sys.stdin.read(), server.shutdown()), daemon=True).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


def main(argv):
    p = argparse.ArgumentParser(description="A plan-following discreet agent over HTTP (standard library only).")
    p.add_argument("--plan", help="JSON file: the list of plan steps (default: terminate at once)")
    p.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (0: any free port; default 8765)")
    p.add_argument("--name", default="plan-agent", help="the agent's name in results (default plan-agent)")
    p.add_argument("--exit-on-stdin-eof", action="store_true", help="stop when standard input closes (for tests)")
    a = p.parse_args(argv)
    plan = []
    if a.plan:
        with open(a.plan, encoding="utf-8") as f:
            plan = json.load(f)
    serve(Agent(a.name, plan), a.port, a.exit_on_stdin_eof)


if __name__ == "__main__":
    main(sys.argv[1:])
