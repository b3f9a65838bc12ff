#!/usr/bin/python
# -*- coding: utf-8 -*-
from __future__ import annotations

DOCUMENTATION = r"""
module: provision
short_description: Provision the MQTT broker of a gateway (gate-mqtt provision)
description:
  - Installs mosquitto, writes the factory config only if none exists, runs it under pm2 as C(mqtt),
    proves it answers, saves pm2's list and the boot hook. Idempotent; check mode is C(--dry-run).
options:
  bin: {description: The gate-mqtt program on the gateway., type: str, default: gate-mqtt}
  prefix: {description: The Termux prefix when it is not the default one., type: str}
  root: {description: A sandbox gateway below this folder (tests, training)., type: str}
  port: {description: The factory config's listener port., type: int, default: 1883}
  packages: {description: Install mosquitto from this folder of package files (no network)., type: str}
  refuse_exposed: {description: Serve no anonymous broker on an address outside the local networks., type: bool, default: false}
"""

EXAMPLES = r"""
- gate_mqtt.gateway.provision:
    port: 1883
"""

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.gate_mqtt.gateway.plugins.module_utils.gate_mqtt import COMMON_ARGS, dry_run, finish, run_gate_mqtt


def main():
    module = AnsibleModule(
        argument_spec=dict(
            COMMON_ARGS,
            port=dict(type="int", default=1883),
            packages=dict(type="str"),
            refuse_exposed=dict(type="bool", default=False),
        ),
        supports_check_mode=True,
    )
    extra = ["--port", str(module.params["port"])]
    if module.params["packages"]:
        extra += ["--packages", module.params["packages"]]
    if module.params["refuse_exposed"]:
        extra.append("--refuse-exposed")
    extra += dry_run(module)
    rc, doc = run_gate_mqtt(module, ["provision"], extra)
    finish(module, rc, doc)


if __name__ == "__main__":
    main()
