# -*- coding: utf-8 -*-
# Runs gate-mqtt on the gateway with --json and maps its one JSON document to Ansible's result.
from __future__ import annotations

import json
import os
import re

COMMON_ARGS = dict(
    bin=dict(type="str", default="gate-mqtt"),
    prefix=dict(type="str"),
    root=dict(type="str"),
)

INSTALL_HINT = (
    "install it with the role gate_mqtt.gateway.gateway and a release file (gate_mqtt_release), or on the gateway "
    "with npm install -g gate-mqtt-VERSION.tgz --offline; or set bin to where it is"
)

# A dry run's planned line for a config line it would add or remove ("diff + LINE", "diff - LINE"), computed
# by gate-mqtt from the redacted configs: no secret is in it.
DIFF_LINE = re.compile(r"^diff ([+-]) ?(.*)$", re.S)


def base_args(module):
    """The options every command takes: where the gateway is (--prefix, or a sandbox --root)."""
    args = []
    if module.params.get("prefix"):
        args += ["--prefix", module.params["prefix"]]
    if module.params.get("root"):
        args += ["--root", module.params["root"]]
    return args


def gate_mqtt_path(module):
    """The gate-mqtt program to run: `bin` found on PATH, or the path given; a clear failure when it is not there."""
    name = module.params["bin"]
    if "/" in name:
        path = os.path.expanduser(name)
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
        why = "%s is not an executable file" % path if os.path.exists(path) else "%s does not exist" % path
    else:
        path = module.get_bin_path(name)
        if path:
            return path
        why = "%s was not found on PATH (%s)" % (name, os.environ.get("PATH", ""))
    module.fail_json(msg="gate-mqtt is not installed on this gateway: %s (hint: %s)" % (why, INSTALL_HINT))


def run_gate_mqtt(module, command, extra=None, data=None):
    """gate-mqtt COMMAND ... --json: a list of arguments, no shell; a secret only ever on stdin."""
    argv = [gate_mqtt_path(module)] + command + base_args(module) + (extra or []) + ["--json"]
    rc, out, err = module.run_command(argv, data=data, binary_data=True, environ_update={"LANG": "C.UTF-8"})
    try:
        doc = json.loads(out)
    except ValueError:
        module.fail_json(msg="gate-mqtt printed no JSON (exit %d): %s" % (rc, (err or out).strip()[:500]), rc=rc)
    return rc, doc


def result_of(rc, doc):
    """changed/failed/msg for Ansible, and the document's own steps, checks or error."""
    error = doc.get("error") or {}
    result = dict(
        changed=bool(doc.get("changed", False)),
        failed=not doc.get("ok", False),
        rc=rc,
        gate_mqtt=doc,
    )
    if error:
        result["msg"] = error.get("message", "") + (" (hint: %s)" % error["hint"] if error.get("hint") else "")
    else:
        changed = [s["id"] for s in doc.get("steps", []) if s.get("changed")]
        result["msg"] = "%s: %s" % (doc.get("command"), ", ".join(changed) if changed else "nothing changed")
    for key in ("steps", "checks", "planned", "counts"):
        if key in doc:
            result[key] = doc[key]
    return result


def finish(module, rc, doc, result=None):
    """Ansible's end of a run: exit when gate-mqtt says ok, fail otherwise (with the same result)."""
    result = result or result_of(rc, doc)
    if doc.get("ok"):
        module.exit_json(**result)
    module.fail_json(**result)


def dry_run(module):
    """Check mode is gate-mqtt's own --dry-run: it says what it would change and changes nothing."""
    return ["--dry-run"] if module.check_mode else []


def planned_diff(doc):
    """The config lines a dry run would add (+LINE) and remove (-LINE), in order, secrets redacted."""
    lines = []
    for line in doc.get("planned") or []:
        match = DIFF_LINE.match(line)
        if match:
            lines.append(match.group(1) + match.group(2))
    return lines


def config_in_force(module):
    """(file, text) of the config in force, redacted by gate-mqtt itself (config show); no config: empty text."""
    _, doc = run_gate_mqtt(module, ["config", "show"])
    if not doc.get("ok"):
        return doc.get("file") or "mosquitto.conf", ""
    return doc.get("file") or "mosquitto.conf", doc.get("text") or ""


def run_with_diff(module, command, extra=None, data=None):
    """
    A command that writes the config, with Ansible's diff when diff mode is on: in check mode the lines
    gate-mqtt's dry run would change (diff.prepared), for real the config before and after (diff.before and
    diff.after, as config show gives them). Never a secret: gate-mqtt redacts both.
    """
    before = config_in_force(module) if module._diff and not module.check_mode else None
    rc, doc = run_gate_mqtt(module, command, extra, data)
    result = result_of(rc, doc)
    if module._diff and module.check_mode:
        lines = planned_diff(doc)
        if lines:
            result["diff"] = dict(prepared="\n".join(lines) + "\n")
    elif before is not None and result["changed"]:
        file, after = config_in_force(module)
        result["diff"] = dict(before_header=before[0], before=before[1], after_header=file, after=after)
    return rc, doc, result
