"""Backups: the database and the files in one dated, self-checking archive, and back again.

An archive is a plain tar file (`coeduc-backup-2026-12-07T031500Z.tar`) holding
`database.pgdump` (`pg_dump --format=custom`) or `database.sqlite3` (SQLite's online backup),
`media/…` (MEDIA_ROOT as it was), `voice/…` (ROOMS_VOICE_ROOT, the voice messages) and, last,
`manifest.json`: what made it, the migrations applied, the rows per table and the size and
SHA-256 of every other member. A restore reads
the manifest and checks every member against it before it changes anything.
`archive` writes and reads archives, `databases` dumps and restores each engine, `restore`
puts an archive back; `manage.py backup` and `manage.py restore` call them.
"""


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


def counted(number: int, noun: str) -> str:
    """Say "1 row", "2 rows": the commands speak English to operators, as Django's own do."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
