#!/usr/bin/python
# -*- coding: utf-8 -*-
from __future__ import annotations

DOCUMENTATION = r"""
module: doctor
short_description: Health checks of a gateway's broker (gate-mqtt doctor)
description:
  - Runs every check on the gateway; fails when one fails. C(fix=true) applies the safe fixes first
    (changed when it fixed something). Reads only without C(fix); check mode never fixes.
options:
  bin: {description: The gate-mqtt program on the gateway., type: str, default: gate-mqtt}
  prefix: {description: The Termux prefix when it is not the default one., type: str}
  root: {description: A sandbox gateway below this folder (tests, training)., type: str}
  fix: {description: Apply the safe fixes for what failed, then check again., type: bool, default: false}
"""

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.gate_mqtt.gateway.plugins.module_utils.gate_mqtt import COMMON_ARGS, finish, result_of, run_gate_mqtt


def main():
    module = AnsibleModule(argument_spec=dict(COMMON_ARGS, fix=dict(type="bool", default=False)), supports_check_mode=True)
    extra = ["--fix"] if module.params["fix"] and not module.check_mode else []
    rc, doc = run_gate_mqtt(module, ["doctor"], extra)
    result = result_of(rc, doc)
    result["changed"] = any(f.get("ok") for f in doc.get("fixes") or [])
    if "error" not in doc:
        failed = [c["id"] for c in doc.get("checks", []) if c.get("status") == "fail"]
        result["msg"] = "doctor: %s" % ("failed: " + ", ".join(failed) if failed else "no check failed")
    finish(module, rc, doc, result)


if __name__ == "__main__":
    main()
