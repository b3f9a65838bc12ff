#!/usr/bin/python
# -*- coding: utf-8 -*-
from __future__ import annotations

DOCUMENTATION = r"""
module: upgrade
short_description: Upgrade mosquitto on a gateway, config kept (gate-mqtt upgrade)
description:
  - Installs the new package (from a folder, or downloaded), keeps the config byte for byte, restarts and
    verifies; goes back to the kept package when the new one does not serve (then fails). Check mode is C(--dry-run).
options:
  bin: {description: The gate-mqtt program on the gateway., type: str, default: gate-mqtt}
  prefix: {description: The Termux prefix when it is not the default one., type: str}
  root: {description: A sandbox gateway below this folder (tests, training)., type: str}
  packages: {description: A folder of package files on the gateway., type: str}
  to: {description: The package version to go to., type: str}
"""

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.gate_mqtt.gateway.plugins.module_utils.gate_mqtt import COMMON_ARGS, dry_run, finish, run_gate_mqtt


def main():
    module = AnsibleModule(
        argument_spec=dict(COMMON_ARGS, packages=dict(type="str"), to=dict(type="str")), supports_check_mode=True
    )
    extra = []
    if module.params["packages"]:
        extra += ["--packages", module.params["packages"]]
    if module.params["to"]:
        extra += ["--to", module.params["to"]]
    extra += dry_run(module)
    rc, doc = run_gate_mqtt(module, ["upgrade"], extra)
    finish(module, rc, doc)


if __name__ == "__main__":
    main()
