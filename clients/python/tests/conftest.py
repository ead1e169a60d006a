"""Starts a real BulkInvite server process once per test session, with a signing key of its own:
the tests mint the tokens an identity provider would issue with it."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
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
SIGNING_KEY = os.urandom(32)


def mint_token(
    organization_id: str, permissions: list[str], key: bytes = SIGNING_KEY, expires_in: int = 3600, issuer: str = "bulkinvite"
) -> str:
    """An HS256 JWT with the claims BulkInvite reads (sub, org, permissions), valid for an hour by default."""

    def part(value: object) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()

    now = int(time.time())
    issued = min(now, now + expires_in - 60)
    claims = {"iss": issuer, "aud": "bulkinvite", "sub": "python-tests", "org": organization_id,
              "permissions": permissions, "iat": issued, "nbf": issued, "exp": now + expires_in}
    unsigned = f"{part({'alg': 'HS256', 'typ': 'JWT'})}.{part(claims)}"
    signature = hmac.new(key, unsigned.encode(), hashlib.sha256).digest()
    return f"{unsigned}.{base64.urlsafe_b64encode(signature).rstrip(b'=').decode()}"


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
    channel, stub = connect(target, token=mint_token("readiness-probe", ["projects.view"]))
    with channel:
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
            env={**os.environ, "ASPNETCORE_ENVIRONMENT": "Production",
                 "Authentication__SigningKey": base64.b64encode(SIGNING_KEY).decode()},
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
def org() -> str:
    """A fresh organization, so no test sees another's invitations."""
    return f"org-{uuid.uuid4().hex}"


@pytest.fixture
def stub(server_target: str, org: str) -> Iterator[UserImportServiceStub]:
    """A stub acting as an admin of the test's organization."""
    channel, stub = connect(server_target, token=mint_token(org, ["organization.admin"]))
    with channel:
        yield stub
