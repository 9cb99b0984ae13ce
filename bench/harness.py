"""What every benchmark needs to set up the project: its paths, manage.py, a server to wait for."""

import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv" / "bin"


def manage(env: dict, *args: str) -> None:
    """Run a manage.py command with the benchmark's environment, quietly."""
    subprocess.run(
        [VENV / "python", ROOT / "manage.py", *args],
        env=env,
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def wait_until_up(url: str, seconds: float = 60) -> None:
    """Wait for the server just started to answer `url` (HTTP errors are OSErrors too)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the server did not answer at {url}")
