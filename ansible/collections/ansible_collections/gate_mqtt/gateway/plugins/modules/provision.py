#!/usr/bin/python
# -*- coding: utf-8 -*-
from __future__ import annotations

DOCUMENTATION = r"""
module: provision
short_description: Provision the MQTT broker of a gateway (gate-mqtt provision)
version_added: 0.1.0
author:
  - gate-mqtt developers
description:
  - Installs mosquitto, writes the factory config only if there is no config, runs the broker under pm2 as
    C(mqtt), proves it answers a round trip, saves pm2's process list and writes the Termux:Boot hook.
  - Idempotent; a second run on a provisioned gateway changes nothing.
  - A config already there is kept as it is; to change it use M(gate_mqtt.gateway.config) or
    M(gate_mqtt.gateway.reset).
extends_documentation_fragment:
  - gate_mqtt.gateway.common
options:
  port:
    description:
      - The listener port of the factory config (only used when there is no config yet).
    type: int
    default: 1883
  packages:
    description:
      - Install mosquitto from this folder of package files on the gateway (no network).
    type: str
  refuse_exposed:
    description:
      - Fail rather than serve an anonymous broker on an address outside the local networks.
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
      - No diff; the factory config is written only where there is none.
seealso:
  - module: gate_mqtt.gateway.doctor
"""

EXAMPLES = r"""
- name: Provision the broker (mosquitto, pm2, boot hook)
  gate_mqtt.gateway.provision:
    port: 1883

- name: Provision with no network, mosquitto from package files copied to the gateway first
  gate_mqtt.gateway.provision:
    packages: /data/data/com.termux/files/home/packages
    refuse_exposed: true
"""

RETURN = r"""
changed:
  description: Whether anything was installed, written or started (or, in check mode, would be).
  returned: always
  type: bool
  sample: true
msg:
  description: The steps that changed something, or gate-mqtt's error and its hint.
  returned: always
  type: str
  sample: "provision: config.folders, config.factory, pm2.process, pm2.logs, startup.hook"
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
    command: provision
    ok: false
    changed: false
    error:
      code: 1
      message: "port 1883 is in use by pid 4242 (node server.js); it was left alone and the broker was not started"
      hint: "find it with: ss -ltnp 'sport = :1883'"
steps:
  description: gate-mqtt's steps, in order, with what each did.
  returned: when gate-mqtt ran
  type: list
  elements: dict
  sample:
    - id: config.factory
      title: Broker config
      status: done
      changed: true
      detail: wrote the factory config (listener 1883)
planned:
  description: In check mode, what gate-mqtt would do, a line each (commands it would run, files it would write).
  returned: in check mode
  type: list
  elements: str
  sample:
    - create folder /data/data/com.termux/files/usr/etc/mosquitto
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
