#!/usr/bin/python
# -*- coding: utf-8 -*-
from __future__ import annotations

DOCUMENTATION = r"""
module: upgrade
short_description: Upgrade mosquitto on a gateway, config kept (gate-mqtt upgrade)
version_added: 0.1.0
author:
  - gate-mqtt developers
description:
  - Installs the new mosquitto package (from a folder of package files, or downloaded), keeps the config
    byte for byte, restarts the broker and verifies it answers.
  - Goes back to the kept package when the new one does not serve, then fails.
  - Upgrades mosquitto, not gate-mqtt itself; the role C(gate_mqtt.gateway.gateway) installs gate-mqtt from
    its release file.
extends_documentation_fragment:
  - gate_mqtt.gateway.common
options:
  packages:
    description:
      - A folder of package files (.deb) on the gateway to install from (no network).
    type: str
  to:
    description:
      - The mosquitto package version to go to; the newest one found when not given.
    type: str
attributes:
  check_mode:
    support: full
    description:
      - Runs gate-mqtt with C(--dry-run), which says what it would do (C(planned)) and changes nothing.
  diff_mode:
    support: none
    description:
      - No diff; the config is kept byte for byte.
"""

EXAMPLES = r"""
- name: Upgrade mosquitto from package files copied to the gateway
  gate_mqtt.gateway.upgrade:
    packages: /data/data/com.termux/files/home/packages
    to: 2.0.18

- name: Upgrade mosquitto to the newest package the gateway's repository has
  gate_mqtt.gateway.upgrade:
"""

RETURN = r"""
changed:
  description: Whether a package was installed or the broker restarted (or, in check mode, would be).
  returned: always
  type: bool
  sample: true
msg:
  description: The steps that changed something, or gate-mqtt's error and its hint.
  returned: always
  type: str
  sample: "upgrade: package.install, broker.restart"
rc:
  description: The exit code of gate-mqtt.
  returned: when gate-mqtt ran
  type: int
  sample: 0
gate_mqtt:
  description: The JSON document gate-mqtt printed, as it is (command, ok, changed, steps, error, planned).
  returned: when gate-mqtt ran
  type: dict
  sample:
    command: upgrade
    ok: true
    changed: false
    error: null
steps:
  description: gate-mqtt's steps, in order, with what each did.
  returned: when gate-mqtt ran
  type: list
  elements: dict
  sample:
    - id: broker.restart
      title: Restart and verify
      status: done
      changed: false
      detail: "nothing changed: the broker was not restarted"
planned:
  description: In check mode, what gate-mqtt would do, a line each (commands it would run, files it would write).
  returned: in check mode
  type: list
  elements: str
  sample:
    - /data/data/com.termux/files/usr/bin/pm2 start /data/data/com.termux/files/usr/var/lib/gate-mqtt/mqtt-logs.pm2.json
"""

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.gate_mqtt.gateway.plugins.module_utils.gate_mqtt import (
    COMMON_ARGS,
    dry_run,
    finish,
    run_gate_mqtt,
)


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
