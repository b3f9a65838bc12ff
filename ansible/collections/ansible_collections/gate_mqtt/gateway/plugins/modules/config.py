#!/usr/bin/python
# -*- coding: utf-8 -*-
from __future__ import annotations

DOCUMENTATION = r"""
module: config
short_description: Apply a broker config to a gateway the safe way (gate-mqtt config apply)
version_added: 0.1.0
author:
  - gate-mqtt developers
description:
  - Validates the file as mosquitto reads it (the model, then a trial start of mosquitto), backs up the
    config in force, writes the new one atomically, restarts the broker and verifies it answers; rolls
    back when the broker does not come back.
  - Nothing is written when the config already is this file, so a second run reports no change.
  - C(src) is a file on the gateway; put it there with M(ansible.builtin.copy) or
    M(ansible.builtin.template) first.
extends_documentation_fragment:
  - gate_mqtt.gateway.common
options:
  src:
    description:
      - The config file to apply, on the gateway.
    type: path
    required: true
  strict:
    description:
      - Treat the validator's warnings as errors.
    type: bool
    default: false
  allow_local_only:
    description:
      - Accept a config that no device on the LAN can reach (a listener on loopback only).
    type: bool
    default: false
attributes:
  check_mode:
    support: full
    description:
      - Runs gate-mqtt with C(--dry-run), which validates the file and says what it would change, and
        changes nothing.
  diff_mode:
    support: full
    description:
      - In check mode the config lines the dry run would add and remove; otherwise the config before and
        after (C(gate-mqtt config show)). Secrets are redacted in both.
seealso:
  - module: gate_mqtt.gateway.bridge
"""

EXAMPLES = r"""
- name: The broker config, from a template of the site
  ansible.builtin.template:
    src: mosquitto.conf.j2
    dest: ~/mosquitto.conf.new
    mode: "0600"
  register: config_file

- name: Apply it (validated, backed up, rolled back when the broker does not come back)
  gate_mqtt.gateway.config:
    src: "{{ config_file.dest }}"
    strict: true

- name: A config for the gateway's own clients only
  gate_mqtt.gateway.config:
    src: /data/data/com.termux/files/home/local-only.conf
    allow_local_only: true
"""

RETURN = r"""
changed:
  description: Whether the config was written (or, in check mode, would be).
  returned: always
  type: bool
  sample: true
msg:
  description: The steps that changed something, or gate-mqtt's error and its hint.
  returned: always
  type: str
  sample: "config apply: config.write, broker.restart"
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
    command: config apply
    ok: false
    changed: false
    error:
      code: 2
      message: "/data/data/com.termux/files/home/mosquitto.conf.new:5: password_file /nonexist: no such file;
        nothing was changed"
      hint: fix the line named and run again
steps:
  description: gate-mqtt's steps, in order, with what each did.
  returned: when gate-mqtt ran
  type: list
  elements: dict
  sample:
    - id: config.validate
      title: Validate the new config
      status: done
      changed: false
      detail: valid (model and a trial start of mosquitto)
planned:
  description: In check mode, what gate-mqtt would do, a line each (commands, file writes, config lines).
  returned: in check mode
  type: list
  elements: str
  sample:
    - back up and replace /data/data/com.termux/files/usr/etc/mosquitto/mosquitto.conf (191 bytes, mode 600)
    - diff + max_keepalive 120
diff:
  description:
    - In diff mode, the change to the config, secrets redacted.
    - In check mode C(prepared), the lines that would be added (+) and removed (-); otherwise C(before) and
      C(after), the whole config as C(gate-mqtt config show) gives it, with C(before_header) and
      C(after_header) naming the file.
  returned: in diff mode, when the config changes (or would)
  type: dict
  sample:
    before_header: /data/data/com.termux/files/usr/etc/mosquitto/mosquitto.conf
    before: |
      listener 1883 0.0.0.0
      allow_anonymous true
    after_header: /data/data/com.termux/files/usr/etc/mosquitto/mosquitto.conf
    after: |
      listener 1883 0.0.0.0
      allow_anonymous true
      max_keepalive 120
"""

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.gate_mqtt.gateway.plugins.module_utils.gate_mqtt import (
    COMMON_ARGS,
    dry_run,
    finish,
    run_with_diff,
)


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
    rc, doc, result = run_with_diff(module, ["config", "apply", module.params["src"]], extra)
    finish(module, rc, doc, result)


if __name__ == "__main__":
    main()
