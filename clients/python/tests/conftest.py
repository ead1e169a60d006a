"""Starts a real BulkInvite server process once per test session."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import grpc
import pytest

from bulkinvite.v1 import user_import_service_pb2 as pb
from bulkinvite.v1.user_import_service_pb2_grpc import UserImportServiceStub
from bulkinvite_client import connect

REPO = Path(__file__).resolve().parents[3]
SERVER_PROJECT = REPO / "src" / "BulkInvite.Server"
DEFAULT_DLL = SERVER_PROJECT / "bin" / "Debug" / "net10.0" / "BulkInvite.Server.dll"
STARTUP_SECONDS = 60


def _server_dll() -> Path:
    if dll := os.environ.get("BULKINVITE_SERVER_DLL"):
        return Path(dll).resolve()
    subprocess.run(["dotnet", "build", str(SERVER_PROJECT), "--nologo", "-v", "q"], check=True)
    return DEFAULT_DLL


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_until_ready(target: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    with grpc.insecure_channel(target) as channel:
        stub = UserImportServiceStub(channel)
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"the server exited with {server.returncode}:\n{log.read_text()}")
            try:
                grpc.channel_ready_future(channel).result(timeout=1)
                stub.ListPermissions(pb.ListPermissionsRequest(), timeout=5)
                return
            except (grpc.FutureTimeoutError, grpc.RpcError):
                if time.monotonic() > deadline:
                    raise RuntimeError(f"the server was not ready after {STARTUP_SECONDS}s:\n{log.read_text()}")
                time.sleep(0.2)


@pytest.fixture(scope="session")
def server_target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """ "127.0.0.1:port" of a server with a fresh database, in a temporary working directory."""
    dll = _server_dll()
    workdir = tmp_path_factory.mktemp("server")
    log = workdir / "server.log"
    target = f"127.0.0.1:{_free_port()}"
    with log.open("wb") as out:
        server = subprocess.Popen(
            ["dotnet", str(dll), "--urls", f"http://{target}"],
            cwd=workdir,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_ready(target, server, log)
        yield target
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture
def stub(server_target: str) -> Iterator[UserImportServiceStub]:
    channel, stub = connect(server_target)
    with channel:
        yield stub


@pytest.fixture
def org() -> str:
    """A fresh organization, so no test sees another's invitations."""
    return f"org-{uuid.uuid4().hex}"
