#!/usr/bin/python
# -*- coding: utf-8 -*-
from __future__ import annotations

DOCUMENTATION = r"""
module: reset
short_description: Factory reset of a gateway's broker (gate-mqtt reset --yes)
version_added: 0.1.0
author:
  - gate-mqtt developers
description:
  - Backs up the config in force, writes the factory config, drops every bridge, recreates the pm2 process
    C(mqtt) and verifies the broker answers.
  - Every run resets; it is not idempotent, so guard it (a C(when), a tag, a separate play).
extends_documentation_fragment:
  - gate_mqtt.gateway.common
options:
  port:
    description:
      - The listener port of the factory config.
    type: int
    default: 1883
  keep_data:
    description:
      - Keep the broker's data folder (retained messages, persistent sessions).
    type: bool
    default: false
attributes:
  check_mode:
    support: full
    description:
      - Runs gate-mqtt with C(--dry-run), which says what it would do (C(planned)) and changes nothing.
  diff_mode:
    support: none
    description:
      - No diff; the config in force is backed up before it is replaced.
"""

EXAMPLES = r"""
- name: Factory reset, only when asked for (-e reset=true)
  gate_mqtt.gateway.reset:
    port: 1883
    keep_data: true
  when: reset | default(false) | bool
"""

RETURN = r"""
changed:
  description: Whether anything was written or restarted (or, in check mode, would be).
  returned: always
  type: bool
  sample: true
msg:
  description: The steps that changed something, or gate-mqtt's error and its hint.
  returned: always
  type: str
  sample: "reset: reset.backup, reset.config, pm2.process"
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
    command: reset
    ok: true
    changed: true
    error: null
steps:
  description: gate-mqtt's steps, in order, with what each did.
  returned: when gate-mqtt ran
  type: list
  elements: dict
  sample:
    - id: reset.config
      title: Factory config
      status: done
      changed: false
      detail: factory config in place (listener 1883)
planned:
  description: In check mode, what gate-mqtt would do, a line each (commands it would run, files it would write).
  returned: in check mode
  type: list
  elements: str
  sample:
    - /data/data/com.termux/files/usr/bin/pm2 start /data/data/com.termux/files/usr/var/lib/gate-mqtt/mqtt.pm2.json
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
