"""JupyterLab on loopback: the notebooks are listed through the REST API, and one of them, run
cell by cell in a kernel the server started, gives the outputs papermill stored."""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys
import time
import uuid

import nbformat
import pytest
import requests

from analysis import paths

TOKEN = uuid.uuid4().hex


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--no-browser",
            f"--port={port}",
            "--ServerApp.ip=127.0.0.1",
            f"--IdentityProvider.token={TOKEN}",
            "--allow-root",
            f"--ServerApp.root_dir={paths.NOTEBOOKS}",
            "--ServerApp.port_retries=0",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                if requests.get(f"{base}/api/status", params={"token": TOKEN}, timeout=1).ok:
                    break
            except requests.ConnectionError:
                pass
            if proc.poll() is not None:
                pytest.fail("jupyter lab exited early")
            time.sleep(0.5)
        else:
            pytest.fail("jupyter lab did not start within 60 s")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_rest_api_lists_the_suite_notebooks(server):
    listing = requests.get(f"{server}/api/contents/", params={"token": TOKEN}, timeout=10).json()
    names = {item["name"] for item in listing["content"] if item["type"] == "notebook"}
    expected = {p.name for p in paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")}
    assert expected and expected <= names


def _comparable(outputs) -> list[str]:
    """Printed text and plain-text results of a cell, the parts nbval also compares."""
    seen = []
    for out in outputs:
        if out.get("output_type") == "stream":
            seen.append(out["text"])
        elif out.get("output_type") == "execute_result":
            seen.append(out["data"].get("text/plain", ""))
    return seen


async def _run_cells(base: str, kernel_id: str, sources: list[str]) -> list[list[str]]:
    from tornado.websocket import websocket_connect

    url = base.replace("http", "ws") + f"/api/kernels/{kernel_id}/channels?token={TOKEN}"
    conn = await websocket_connect(url)
    session = uuid.uuid4().hex
    results = []
    for source in sources:
        msg_id = uuid.uuid4().hex
        await conn.write_message(
            json.dumps(
                {
                    "header": {
                        "msg_id": msg_id,
                        "username": "test",
                        "session": session,
                        "msg_type": "execute_request",
                        "version": "5.3",
                    },
                    "parent_header": {},
                    "metadata": {},
                    "channel": "shell",
                    "buffers": [],
                    "content": {
                        "code": source,
                        "silent": False,
                        "store_history": True,
                        "user_expressions": {},
                        "allow_stdin": False,
                        "stop_on_error": True,
                    },
                }
            )
        )
        # the reply (shell channel) may overtake the outputs (iopub): wait for both the reply
        # and the kernel's return to idle for this request
        outputs, replied, idle = [], False, False
        while not (replied and idle):
            msg = json.loads(await asyncio.wait_for(conn.read_message(), timeout=300))
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            if kind == "stream":
                outputs.append({"output_type": "stream", "text": msg["content"]["text"]})
            elif kind == "execute_result":
                outputs.append({"output_type": "execute_result", "data": msg["content"]["data"]})
            elif kind == "error":
                raise AssertionError(f"cell failed: {msg['content']['ename']}: {msg['content']['evalue']}")
            elif kind == "execute_reply":
                replied = True
            elif kind == "status" and msg["content"].get("execution_state") == "idle":
                idle = True
        results.append(_comparable(outputs))
    conn.close()
    return results


def test_notebook_run_in_a_server_kernel_matches_papermill(server):
    notebook = sorted(paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))[0]
    nb = nbformat.read(notebook, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    kernel = requests.post(
        f"{server}/api/kernels", params={"token": TOKEN}, json={"name": "python3", "path": ""}, timeout=30
    ).json()
    try:
        got = asyncio.run(_run_cells(server, kernel["id"], [c.source for c in code]))
    finally:
        requests.delete(f"{server}/api/kernels/{kernel['id']}", params={"token": TOKEN}, timeout=30)
    for cell, outputs in zip(code, got):
        assert outputs == _comparable(cell.outputs), f"cell {cell.execution_count} differs"
