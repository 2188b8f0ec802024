"""Serve the application with gunicorn on loopback and drive it with wrk.

Production settings (DEBUG off, manifest static files, persistent database
connections), signed-in sessions made directly in the benchmark database, and the
TLS proxy header a real deployment's proxy would send.
"""

import functools
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import (
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user_model,
)
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client

REPORTER = Path(__file__).with_name("report.lua")


@dataclass
class Result:
    page: str
    clients: int
    requests_per_second: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int

    def line(self) -> str:
        return (
            f"{self.page:34} {self.clients:>2} clients "
            f"{self.requests_per_second:7.1f} req/s  p50 {self.p50_ms:6.1f}"
            f"  p95 {self.p95_ms:6.1f}  p99 {self.p99_ms:6.1f} ms"
            + (f"  ERRORS {self.errors}" if self.errors else "")
        )


def session_cookie(username: str) -> str:
    """A signed-in session for `username`, as the sign-in page would have made it."""
    user = get_user_model().objects.get(username=username)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def signed_in_client(user: Any) -> Client:
    """Django's test client, signed in as `user`, for in-process measurements."""
    host = (settings.ALLOWED_HOSTS or ["localhost"])[0].lstrip(".")
    client = Client(SERVER_NAME="localhost" if host == "*" else host)
    client.force_login(user)
    return client


def json_command(database_url: str, *arguments: str) -> dict[str, Any]:
    """A benchmark command's one line of JSON, from a process of its own with the
    production settings the pages are served with (its peak memory is its own)."""
    environment = {
        **server_environment(database_url, collect_static(database_url)),
        "BENCHMARK": "1",  # the benchmark's commands
    }
    done = subprocess.run(  # noqa: S603 (fixed arguments)
        [sys.executable, "manage.py", *arguments],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"{' '.join(arguments)} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_environment(database_url: str, static_root: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DEBUG": "0",
        # Served as production is: without the benchmark's own app.
        "BENCHMARK": "0",
        "DATABASE_URL": database_url,
        # The sessions were signed here (session_cookie): the server needs our key.
        "SECRET_KEY": settings.SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        "BEHIND_TLS_PROXY": "1",
        "CONN_MAX_AGE": "600",
        "STATIC_ROOT": str(static_root),
        "LOG_LEVEL": "WARNING",
    }


@functools.cache
def collect_static(database_url: str) -> Path:
    """The static files as production serves them (manifest), once per run."""
    static_root = Path(settings.BASE_DIR) / "var" / "bench-static"
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=settings.BASE_DIR,
        env=server_environment(database_url, static_root),
        check=True,
    )
    return static_root


@contextmanager
def gunicorn(*, database_url: str, workers: int, cache_url: str = "") -> Iterator[str]:
    """Yield the base URL of a gunicorn serving the app; stop it afterwards.

    `cache_url`: the shared cache (CACHE_URL); empty, a cache per worker.
    """
    static_root = collect_static(database_url)
    env = {**server_environment(database_url, static_root), "CACHE_URL": cache_url}
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 (fixed arguments)
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=settings.BASE_DIR,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process)
        yield base
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def _wait_until_up(base: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited before it served a request")
        try:
            if fetch(base, "/healthz", "")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer /healthz within 60 s")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # a redirect (to sign in, say) is an answer, not a page


def fetch(base: str, path: str, cookie: str) -> tuple[int, bytes]:
    """One request as the load generator sends it (wrk follows no redirects)."""
    request = urllib.request.Request(  # noqa: S310 (loopback only)
        base + path, headers={"Cookie": cookie, "X-Forwarded-Proto": "https"}
    )
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wrk(
    *, base: str, path: str, cookie: str, clients: int, seconds: int, page: str
) -> Result:
    if shutil.which("wrk") is None:
        raise RuntimeError("wrk is not installed (apt-get install wrk)")
    command = [
        "wrk",
        f"--threads={min(clients, 2)}",
        f"--connections={clients}",
        f"--duration={seconds}s",
        "--timeout=30s",
        f"--script={REPORTER}",
        "--header",
        f"Cookie: {cookie}",
        "--header",
        "X-Forwarded-Proto: https",
        base + path,
    ]
    output = subprocess.run(  # noqa: S603 (fixed arguments)
        command, capture_output=True, text=True, check=True
    ).stdout
    line = next(x for x in output.splitlines() if x.startswith("BENCH "))
    data = json.loads(line.removeprefix("BENCH "))
    return Result(
        page=page,
        clients=clients,
        requests_per_second=data["requests"] / (data["duration_us"] / 1e6),
        p50_ms=data["p50"] / 1000,
        p95_ms=data["p95"] / 1000,
        p99_ms=data["p99"] / 1000,
        errors=data["errors"] + data["non_2xx"],
    )
