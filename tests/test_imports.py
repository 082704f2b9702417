"""Importing any module touches no disk, network or model (scrapy's rule)."""

import subprocess
import sys

SCRIPT = r"""
import importlib, os, pkgutil, socket, sys
import chancery

def no_network(*a, **k):
    raise AssertionError("network touched at import")
socket.socket.connect = no_network
before = set(os.listdir("."))
for mod in pkgutil.walk_packages(chancery.__path__, "chancery."):
    # Alembic revision scripts run inside alembic's migration context, not as library modules.
    if mod.name.endswith("__main__") or ".migrations." in mod.name:
        continue
    importlib.import_module(mod.name)
loaded = [m for m in sys.modules if m.startswith("en_core_web")]
assert not loaded, f"a model was loaded at import: {loaded}"
assert set(os.listdir(".")) == before, "files were created at import"
print("ok")
"""


def test_importing_every_module_is_side_effect_free(tmp_path):
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"
    assert not any(tmp_path.rglob("*.db")), "a database was created at import"
