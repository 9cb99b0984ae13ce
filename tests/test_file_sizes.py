"""The house's rule for the next engineer: no source file over 500 lines (../shared/STYLE.md).

Files that are not read as code are left out: migrations (written by Django), translation
catalogues, vendored minified scripts, data and images.
"""

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 500
SOURCE_SUFFIXES = {".py", ".js", ".css", ".html", ".sh", ".toml", ".cfg", ".conf"}


def source_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    return [
        ROOT / name
        for name in listed
        if Path(name).suffix in SOURCE_SUFFIXES
        and "/migrations/" not in name
        and ".min." not in name
        and (ROOT / name).is_file()
    ]


def test_no_source_file_is_over_500_lines():
    files = source_files()
    assert len(files) > 100  # the checkout's files were found
    too_long = {
        str(path.relative_to(ROOT)): lines
        for path in files
        if (lines := len(path.read_text(encoding="utf-8", errors="replace").splitlines())) > LIMIT
    }
    assert too_long == {}
