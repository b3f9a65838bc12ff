#!/usr/bin/python
# -*- coding: utf-8 -*-
from __future__ import annotations

DOCUMENTATION = r"""
module: bridge
short_description: The SUPLA bridge of a gateway (gate-mqtt bridge add supla, bridge remove)
version_added: 0.1.0
author:
  - gate-mqtt developers
description:
  - C(state=present) adds the bridge section to the broker config, or updates it in place;
    C(state=absent) removes it, and the rest of the file stays byte for byte.
  - gate-mqtt validates the new config, backs up the old one, writes atomically, restarts the broker and
    verifies it; it rolls back when the broker does not come back.
  - The password goes to gate-mqtt on stdin, never on a command line, and is never logged.
extends_documentation_fragment:
  - gate_mqtt.gateway.common
options:
  id:
    description:
      - The bridge name; the section is C(connection bridge-dom-ID).
    type: str
    required: true
  state:
    description:
      - Whether the bridge is there.
    type: str
    choices: [present, absent]
    default: present
  address:
    description:
      - The remote broker, C(HOST:PORT).
      - Required with C(state=present).
    type: str
  username:
    description:
      - The user on the remote broker.
      - Required with C(state=present).
    type: str
  password:
    description:
      - The password on the remote broker (from ansible-vault, say).
      - Required with C(state=present). It is no_log, reaches gate-mqtt on stdin only, and shows redacted
        in every diff.
    type: str
  cafile:
    description:
      - CA certificates for the bridge's TLS, a file on the gateway.
    type: str
attributes:
  check_mode:
    support: full
    description:
      - Runs gate-mqtt with C(--dry-run), which says what it would change and changes nothing.
  diff_mode:
    support: full
    description:
      - In check mode the config lines the dry run would add and remove; otherwise the config before and
        after (C(gate-mqtt config show)). Secrets are redacted in both.
notes:
  - The config is in Termux's prefix (C(PREFIX/etc/mosquitto/mosquitto.conf)); the module changes nothing
    else in it.
seealso:
  - module: gate_mqtt.gateway.config
"""

EXAMPLES = r"""
- name: The SUPLA bridge, the password from the vault
  gate_mqtt.gateway.bridge:
    id: supla
    address: "{{ supla_address }}"
    username: "{{ supla_user }}"
    password: "{{ supla_password }}"
    cafile: /data/data/com.termux/files/usr/etc/tls/cert.pem

- name: No bridge any more
  gate_mqtt.gateway.bridge:
    id: supla
    state: absent

- name: A gateway whose Termux has another app id
  gate_mqtt.gateway.bridge:
    id: supla
    address: mqtt.supla.example:8883
    username: gateway-7
    password: "{{ supla_password }}"
    prefix: /data/data/pl.sviete.dom/files/usr
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
  sample: "bridge add: config.write, broker.restart"
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
    command: bridge add
    ok: true
    changed: true
    error: null
steps:
  description: gate-mqtt's steps, in order, with what each did.
  returned: when gate-mqtt ran
  type: list
  elements: dict
  sample:
    - id: config.write
      title: Back up and write
      status: done
      changed: true
      detail: wrote /data/data/com.termux/files/usr/etc/mosquitto/mosquitto.conf (+11 -0 lines)
planned:
  description: In check mode, what gate-mqtt would do, a line each (commands, file writes, config lines).
  returned: in check mode
  type: list
  elements: str
  sample:
    - back up and replace /data/data/com.termux/files/usr/etc/mosquitto/mosquitto.conf (396 bytes, mode 600)
    - diff + connection bridge-dom-supla
    - diff + remote_password ********
diff:
  description:
    - In diff mode, the change to the config, secrets redacted.
    - In check mode C(prepared), the lines that would be added (+) and removed (-); otherwise C(before) and
      C(after), the whole config as C(gate-mqtt config show) gives it, with C(before_header) and
      C(after_header) naming the file.
  returned: in diff mode, when the config changes (or would)
  type: dict
  sample:
    prepared: |
      +connection bridge-dom-supla
      +address mqtt.supla.example:8883
      +remote_password ********
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
        rc, doc, result = run_with_diff(module, ["bridge", "remove", p["id"]], dry)
    else:
        extra = ["--id", p["id"], "--address", p["address"], "--username", p["username"], "--password-stdin"] + dry
        if p["cafile"]:
            extra += ["--cafile", p["cafile"]]
        rc, doc, result = run_with_diff(module, ["bridge", "add", "supla"], extra, data=p["password"])
    finish(module, rc, doc, result)


if __name__ == "__main__":
    main()
