"""Cheap key derivation in the CoachDesk commands the tests start (this folder on PYTHONPATH).

The tests' own process derives keys with ``FAST_SCRYPT`` (``tests/security_support.py``); a
command started by a test gets the same through Python's ``sitecustomize`` hook, set when
``coachdesk.security.crypto`` is first imported (nothing is imported ahead). The keys file
records the parameters used, so what such a command writes opens in any CoachDesk.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import sys
from types import ModuleType
from typing import Any

TARGET = "coachdesk.security.crypto"


class _CheapScrypt(importlib.abc.MetaPathFinder):
    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name != TARGET:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        run = spec.loader.exec_module

        def exec_module(module: ModuleType) -> None:
            run(module)
            module.DEFAULT_SCRYPT = module.ScryptParams(n=2**10, r=8, p=1)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]  # this one module
        return spec


sys.meta_path.insert(0, _CheapScrypt())
