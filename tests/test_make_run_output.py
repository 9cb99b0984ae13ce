"""`make run`'s terminal: the demo accounts printed last, the worker's lines in var/worker.log."""

import io
import os
import socket
import subprocess
import threading
import time
from pathlib import Path

from django.core.management import call_command

from coeduc.management.commands.load_demo import DEMO_ACCOUNTS

BASE_DIR = Path(__file__).resolve().parent.parent


def demo_accounts(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("demo_accounts", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_every_demo_account_is_listed(shared_demo):
    out, _ = demo_accounts()

    for _role, email, _phone, _name, _territory in DEMO_ACCOUNTS:
        assert email in out
    assert "parent2@demo.coeduc.fr / +33612345603" in out
    assert "ambassadeur@demo.coeduc.fr / +33612345604" in out
    assert "coeduc-demo" in out


def test_the_accounts_wait_for_the_server_to_listen(shared_demo):
    port = free_port()
    listening = {}

    def serve_later():
        time.sleep(1)
        with socket.create_server(("127.0.0.1", port)) as server:
            listening["at"] = time.monotonic()
            server.accept()[0].close()

    thread = threading.Thread(target=serve_later)
    thread.start()
    out, err = demo_accounts("--after-server", f"127.0.0.1:{port}", "--timeout", "20")
    printed_at = time.monotonic()
    thread.join(timeout=5)

    assert "at" in listening and printed_at >= listening["at"]
    assert "admin@demo.coeduc.fr" in out
    assert err == ""


def test_without_a_server_the_accounts_are_printed_after_the_timeout(shared_demo):
    out, err = demo_accounts("--after-server", f"127.0.0.1:{free_port()}", "--timeout", "0.5")

    assert "No server answered" in err
    assert "parent2@demo.coeduc.fr" in out


def test_make_serve_logs_the_worker_and_prints_the_accounts_last():
    """The recipe (dry run): worker to var/worker.log, uvicorn first, then the accounts; SITE_URL
    follows HOST and PORT unless it is set."""
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "MAKEFLAGS")}
    recipe = subprocess.run(
        ["make", "-n", "--no-print-directory", "serve", "DEMO_ACCOUNTS=1", "PORT=8123"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    ).stdout

    assert "manage.py db_worker >>var/worker.log 2>&1 &" in recipe
    assert recipe.index("uvicorn") < recipe.index("demo_accounts --after-server 127.0.0.1:8123")
    assert recipe.index("demo_accounts") < recipe.index('echo "Coéduc: $SITE_URL/')
    assert 'export SITE_URL="${SITE_URL:-http://127.0.0.1:8123}"' in recipe
