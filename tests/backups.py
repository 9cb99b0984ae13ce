"""Helpers of the backup tests: `manage.py` in a process of its own, and a site's files."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(__file__).resolve().parent.parent
ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith("postgres")
SECRET_KEY = secrets.token_urlsafe(50)

# The folders of files a backup holds, by their setting (the voice messages' once it exists),
# and what the tests put in each.
FOLDERS = ["MEDIA_ROOT"] + (["ROOMS_VOICE_ROOT"] if hasattr(settings, "ROOMS_VOICE_ROOT") else [])
FILES = {
    "MEDIA_ROOT": {
        "original_images/ça-va-l'école.jpg": os.urandom(300_000),
        "documents/2026/charte.pdf": os.urandom(4_096),
        "empty.txt": b"",
    },
    "ROOMS_VOICE_ROOT": {"2026/12/07/message-1.webm": os.urandom(20_000)},
}


def manage(*args: str, preexec_fn=None, **env: str) -> subprocess.CompletedProcess:
    """`manage.py …` in a new process with nothing but the environment given."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "SECRET_KEY": SECRET_KEY,
            "DJANGO_SETTINGS_MODULE": "coeduc.settings",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=600,
        preexec_fn=preexec_fn,
    )


def folders(base: Path, name: str) -> dict[str, str]:
    """A site's folders of files (that do not exist yet), as its environment has them."""
    return {setting: str(base / f"{name}-{setting.lower()}") for setting in FOLDERS}


def use_folders(settings, base: Path, name: str) -> dict[str, str]:
    """Point this process's settings at a site's folders, with the tests' files in them."""
    env = folders(base, name)
    for setting, path in env.items():
        setattr(settings, setting, Path(path))
    write_files(env)
    return env


def write_files(env: dict[str, str]) -> None:
    for setting in FOLDERS:
        for name, data in FILES[setting].items():
            path = Path(env[setting], name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)


def files_under(root: Path | str) -> dict[str, bytes]:
    root = Path(root)
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def assert_files_came_back(source: dict[str, str], restored: dict[str, str]) -> None:
    """Every file of every folder, byte for byte (the demo's uploads and ours), nothing else."""
    for setting in FOLDERS:
        before = files_under(source[setting])
        assert FILES[setting].items() <= before.items(), setting
        assert files_under(restored[setting]) == before, setting
