#!/usr/bin/python
# -*- coding: utf-8 -*-
from __future__ import annotations

DOCUMENTATION = r"""
module: reset
short_description: Factory reset of a gateway's broker (gate-mqtt reset --yes)
description:
  - Backs up, writes the factory config, drops bridges, recreates C(mqtt), verifies. Check mode is C(--dry-run).
options:
  bin: {description: The gate-mqtt program on the gateway., type: str, default: gate-mqtt}
  prefix: {description: The Termux prefix when it is not the default one., type: str}
  root: {description: A sandbox gateway below this folder (tests, training)., type: str}
  port: {description: The factory config's listener port., type: int, default: 1883}
  keep_data: {description: Keep the broker's data folder., type: bool, default: false}
"""

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.gate_mqtt.gateway.plugins.module_utils.gate_mqtt import COMMON_ARGS, dry_run, finish, run_gate_mqtt


def main():
    module = AnsibleModule(
        argument_spec=dict(COMMON_ARGS, port=dict(type="int", default=1883), keep_data=dict(type="bool", default=False)),
        supports_check_mode=True,
    )
    extra = ["--yes", "--port", str(module.params["port"])]
    if module.params["keep_data"]:
        extra.append("--keep-data")
    extra += dry_run(module)
    rc, doc = run_gate_mqtt(module, ["reset"], extra)
    finish(module, rc, doc)


if __name__ == "__main__":
    main()
