# -*- coding: utf-8 -*-
# The options every module of the collection takes: which gate-mqtt runs, and which gateway it works on.
from __future__ import annotations


class ModuleDocFragment(object):
    DOCUMENTATION = r"""
options:
  bin:
    description:
      - The gate-mqtt program on the gateway, a name looked up on C(PATH) or a path.
      - When it is not there, the module fails with a message that says so and how to install it.
    type: str
    default: gate-mqtt
  prefix:
    description:
      - The Termux prefix of the gateway, when it is not the default one (an image with another app id).
      - Passed to gate-mqtt as C(--prefix).
    type: str
  root:
    description:
      - A sandbox gateway below this folder, every device path under it (tests, training).
      - Passed to gate-mqtt as C(--root).
    type: str
"""
