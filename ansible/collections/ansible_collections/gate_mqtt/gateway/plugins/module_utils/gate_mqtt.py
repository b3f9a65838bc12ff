# -*- coding: utf-8 -*-
# Runs gate-mqtt on the gateway with --json and maps its one JSON document to Ansible's result.
from __future__ import annotations

import json

COMMON_ARGS = dict(
    bin=dict(type="str", default="gate-mqtt"),
    prefix=dict(type="str"),
    root=dict(type="str"),
)


def base_args(module):
    """The options every command takes: where the gateway is (--prefix, or a sandbox --root)."""
    args = []
    if module.params.get("prefix"):
        args += ["--prefix", module.params["prefix"]]
    if module.params.get("root"):
        args += ["--root", module.params["root"]]
    return args


def run_gate_mqtt(module, command, extra=None, data=None):
    """gate-mqtt COMMAND ... --json: a list of arguments, no shell; a secret only ever on stdin."""
    argv = [module.params["bin"]] + command + base_args(module) + (extra or []) + ["--json"]
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
