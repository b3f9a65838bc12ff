#!/usr/bin/python
# -*- coding: utf-8 -*-
from __future__ import annotations

DOCUMENTATION = r"""
module: bridge
short_description: The SUPLA bridge of a gateway (gate-mqtt bridge add supla / bridge remove)
description:
  - C(state=present) adds the bridge section, or updates it in place; C(state=absent) removes it (the rest of
    the file stays byte for byte). The password goes to gate-mqtt on stdin, never on a command line, and is
    never logged (no_log). Check mode is C(--dry-run).
options:
  bin: {description: The gate-mqtt program on the gateway., type: str, default: gate-mqtt}
  prefix: {description: The Termux prefix when it is not the default one., type: str}
  root: {description: A sandbox gateway below this folder (tests, training)., type: str}
  id: {description: The bridge name., type: str, required: true}
  state: {description: Whether the bridge is there., type: str, choices: [present, absent], default: present}
  address: {description: The remote broker HOST:PORT (present)., type: str}
  username: {description: The remote user (present)., type: str}
  password: {description: The remote password (present)., type: str}
  cafile: {description: CA certificates for the bridge's TLS., type: str}
"""

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.gate_mqtt.gateway.plugins.module_utils.gate_mqtt import COMMON_ARGS, dry_run, finish, run_gate_mqtt


def main():
    module = AnsibleModule(
        argument_spec=dict(
            COMMON_ARGS,
            id=dict(type="str", required=True),
            state=dict(type="str", choices=["present", "absent"], default="present"),
            address=dict(type="str"),
            username=dict(type="str"),
            password=dict(type="str", no_log=True),
            cafile=dict(type="str"),
        ),
        required_if=[("state", "present", ("address", "username", "password"))],
        supports_check_mode=True,
    )
    p = module.params
    dry = dry_run(module)
    if p["state"] == "absent":
        rc, doc = run_gate_mqtt(module, ["bridge", "remove", p["id"]], dry)
    else:
        extra = ["--id", p["id"], "--address", p["address"], "--username", p["username"], "--password-stdin"] + dry
        if p["cafile"]:
            extra += ["--cafile", p["cafile"]]
        rc, doc = run_gate_mqtt(module, ["bridge", "add", "supla"], extra, data=p["password"])
    finish(module, rc, doc)


if __name__ == "__main__":
    main()
