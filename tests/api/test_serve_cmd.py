"""`chancery serve` as a user runs it: a real process on a free loopback port."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import httpx

from live_server import free_port


def _chancery(*args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    code = "from chancery.cli.main import main; main()"
    return subprocess.Popen([sys.executable, "-c", code, *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_serve_answers_reads_and_refuses_writes_without_a_token(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHANCERY_")}
    proc = _chancery("serve", "--db", f"sqlite:///{tmp_path / 'served.db'}", "--port", str(port), env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while True:
            try:
                response = httpx.get(f"{base}/v1/entities/DPR/status", params={"as_of": "2022-07-20"}, timeout=5)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                assert time.monotonic() < deadline, "server did not come up"
                time.sleep(0.3)
        assert response.status_code == 200 and response.json()["recognised_by"] >= 5
        refused = httpx.post(f"{base}/v1/articles", json={"text": "Tuvalu recognised Kosovo."}, timeout=10)
        assert refused.status_code == 403 and refused.json()["error"]["code"] == "E_AUTH"
        assert "text/html" in httpx.get(f"{base}/", timeout=10).headers["content-type"]
    finally:
        proc.terminate()
        _, stderr = proc.communicate(timeout=30)
    assert "read-only: set CHANCERY_TOKEN" in stderr


def test_serve_with_an_unusable_database_exits_with_the_storage_code(tmp_path):
    (tmp_path / "a-directory.db").mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHANCERY_")}
    proc = _chancery("serve", "--db", f"sqlite:///{tmp_path / 'a-directory.db'}", "--port", str(free_port()),
                     env=env)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 6, stderr
    assert "E_STORAGE" in stderr
