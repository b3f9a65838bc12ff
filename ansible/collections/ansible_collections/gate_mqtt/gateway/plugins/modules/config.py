#!/usr/bin/python
# -*- coding: utf-8 -*-
from __future__ import annotations

DOCUMENTATION = r"""
module: config
short_description: Apply a broker config to a gateway the safe way (gate-mqtt config apply)
description:
  - Validates the file as mosquitto reads it, backs up, writes atomically, restarts, verifies; rolls back
    when the broker does not come back. C(src) is a file on the gateway (put it there with
    ansible.builtin.copy or template first). Check mode is C(--dry-run). Diff mode shows the config in force
    before and after, secrets redacted (gate-mqtt config show).
options:
  bin: {description: The gate-mqtt program on the gateway., type: str, default: gate-mqtt}
  prefix: {description: The Termux prefix when it is not the default one., type: str}
  root: {description: A sandbox gateway below this folder (tests, training)., type: str}
  src: {description: The config file on the gateway., type: path, required: true}
  strict: {description: Treat warnings as errors., type: bool, default: false}
  allow_local_only: {description: Accept a config no LAN device can reach., type: bool, default: false}
"""

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.gate_mqtt.gateway.plugins.module_utils.gate_mqtt import COMMON_ARGS, dry_run, finish, result_of, run_gate_mqtt


def shown(module):
    """The config in force, redacted by gate-mqtt itself."""
    _, doc = run_gate_mqtt(module, ["config", "show"])
    return doc.get("text", "") if doc.get("ok") else ""


def main():
    module = AnsibleModule(
        argument_spec=dict(
            COMMON_ARGS,
            src=dict(type="path", required=True),
            strict=dict(type="bool", default=False),
            allow_local_only=dict(type="bool", default=False),
        ),
        supports_check_mode=True,
    )
    extra = []
    if module.params["strict"]:
        extra.append("--strict")
    if module.params["allow_local_only"]:
        extra.append("--allow-local-only")
    extra += dry_run(module)
    before = shown(module) if module._diff else None
    rc, doc = run_gate_mqtt(module, ["config", "apply", module.params["src"]], extra)
    result = result_of(rc, doc)
    if module._diff and not module.check_mode:
        result["diff"] = dict(before=before, after=shown(module))
    finish(module, rc, doc, result)


if __name__ == "__main__":
    main()
