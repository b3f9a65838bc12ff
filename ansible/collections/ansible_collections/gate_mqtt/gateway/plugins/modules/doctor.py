#!/usr/bin/python
# -*- coding: utf-8 -*-
from __future__ import annotations

DOCUMENTATION = r"""
module: doctor
short_description: Health checks of a gateway's broker (gate-mqtt doctor)
version_added: 0.1.0
author:
  - gate-mqtt developers
description:
  - Runs every check of gate-mqtt doctor on the gateway (mosquitto installed, config valid and safe, the
    pm2 process, the broker listening and answering a round trip, start at boot, disk, log errors).
  - Fails when a check fails; a warning does not fail. Reads only, unless C(fix=true).
  - With C(fix=true) the safe fixes for what failed are applied first, then every check runs again;
    changed when a fix was applied.
extends_documentation_fragment:
  - gate_mqtt.gateway.common
options:
  fix:
    description:
      - Apply the safe fixes for what failed, then check again.
    type: bool
    default: false
attributes:
  check_mode:
    support: partial
    description:
      - The checks run as always; no fix is applied or planned, so C(changed) stays false.
  diff_mode:
    support: none
    description:
      - No diff; the fixes gate-mqtt applied are in C(gate_mqtt.fixes).
"""

EXAMPLES = r"""
- name: Health checks (fails when one fails)
  gate_mqtt.gateway.doctor:

- name: Fix what the checks find, then check again
  gate_mqtt.gateway.doctor:
    fix: true

- name: Report without failing the play, then show the problems
  gate_mqtt.gateway.doctor:
  register: health
  ignore_errors: true

- name: The checks that did not pass
  ansible.builtin.debug:
    msg: "{{ health.checks | rejectattr('status', 'equalto', 'pass') | list }}"
"""

RETURN = r"""
changed:
  description: Whether a fix was applied (only with C(fix=true), never in check mode).
  returned: always
  type: bool
  sample: false
msg:
  description: The checks that failed, or gate-mqtt's error and its hint.
  returned: always
  type: str
  sample: "doctor: failed: pm2.process, broker.listening"
rc:
  description: The exit code of gate-mqtt (1 when a check failed).
  returned: when gate-mqtt ran
  type: int
  sample: 1
gate_mqtt:
  description:
    - The JSON document gate-mqtt printed, as it is (command, ok, target, checks, counts, and with
      C(fix=true) C(fixes) and C(before), the checks before the fixes).
  returned: when gate-mqtt ran
  type: dict
  sample:
    command: doctor
    ok: true
    target: local
    counts:
      pass: 12
      warn: 1
      fail: 0
checks:
  description: Every check with its status (pass, warn, fail), what it found and a hint when it did not pass.
  returned: when gate-mqtt ran
  type: list
  elements: dict
  sample:
    - id: mosquitto.installed
      status: pass
      detail: /data/data/com.termux/files/usr/bin/mosquitto
      hint: null
    - id: pm2.process
      status: fail
      detail: pm2 is not running (no daemon)
      hint: "run: gate-mqtt doctor --fix (starts pm2 and mqtt)"
counts:
  description: How many checks passed, warned and failed.
  returned: when gate-mqtt ran
  type: dict
  sample:
    pass: 8
    warn: 1
    fail: 4
"""

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.gate_mqtt.gateway.plugins.module_utils.gate_mqtt import (
    COMMON_ARGS,
    finish,
    result_of,
    run_gate_mqtt,
)


def main():
    module = AnsibleModule(argument_spec=dict(COMMON_ARGS, fix=dict(type="bool", default=False)), supports_check_mode=True)
    extra = ["--fix"] if module.params["fix"] and not module.check_mode else []
    rc, doc = run_gate_mqtt(module, ["doctor"], extra)
    result = result_of(rc, doc)
    result["changed"] = any(f.get("ok") for f in doc.get("fixes") or [])
    if "error" not in doc:
        failed = [c["id"] for c in doc.get("checks", []) if c.get("status") == "fail"]
        result["msg"] = "doctor: %s" % ("failed: " + ", ".join(failed) if failed else "no check failed")
    finish(module, rc, doc, result)


if __name__ == "__main__":
    main()
