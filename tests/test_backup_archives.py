"""Backup archives: what they hold, and every way a restore refuses one, on a small site.

The small site is a SQLite file with a few rows and its folders of files, outside the suite's
database, so these run the same whatever DATABASE_URL the suite has; the commands run in a
process of their own, as an operator runs them.
"""

import hashlib
import importlib.metadata
import io
import json
import os
import re
import resource
import sqlite3
import tarfile
from contextlib import closing
from pathlib import Path

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.backups import (
    FILES,
    FOLDERS,
    ON_POSTGRES,
    assert_files_came_back,
    files_under,
    folders,
    manage,
    use_folders,
    write_files,
)

PREFIXES = {"MEDIA_ROOT": "media", "ROOMS_VOICE_ROOT": "voice"}


@pytest.fixture
def small_site(tmp_path) -> dict[str, str]:
    """A SQLite file with a few rows, and its folders of files: the environment of a site.
    Its migrations: one of this code's, and one of a newer Coéduc."""
    database = tmp_path / "site.sqlite3"
    with closing(sqlite3.connect(database)) as db, db:
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
        db.executemany("INSERT INTO notes (body) VALUES (?)", [("un",), ("deux",), ("trois",)])
        db.execute("CREATE TABLE django_migrations (id INTEGER PRIMARY KEY, app, name, applied)")
        db.executemany(
            "INSERT INTO django_migrations (app, name, applied) VALUES (?, ?, '2026-12-01')",
            [("parents", "0001_initial"), ("parents", "9999_from_a_newer_coeduc")],
        )
    site = {"DATABASE_URL": f"sqlite:///{database}", **folders(tmp_path, "site")}
    write_files(site)
    return site


@pytest.fixture
def small_archive(small_site, tmp_path) -> Path:
    result = manage("backup", "--output-dir", str(tmp_path / "backups"), **small_site)
    assert result.returncode == 0, result.stderr
    (archive,) = (tmp_path / "backups").glob("coeduc-backup-*.tar")
    return archive


@pytest.fixture
def new_site(tmp_path) -> dict[str, str]:
    """Where a restore goes: a SQLite file and folders that do not exist yet."""
    return {"DATABASE_URL": f"sqlite:///{tmp_path / 'new.sqlite3'}", **folders(tmp_path, "new")}


def notes(database_url: str) -> list[str]:
    with closing(sqlite3.connect(database_url.removeprefix("sqlite:///"))) as db:
        return [body for (body,) in db.execute("SELECT body FROM notes ORDER BY id")]


def tables_of(database_url: str) -> list[str]:
    with closing(sqlite3.connect(database_url.removeprefix("sqlite:///"))) as db:
        return [name for (name,) in db.execute("SELECT name FROM sqlite_master")]


def test_the_archive_is_dated_private_and_describes_itself(small_archive, small_site):
    assert re.fullmatch(r"coeduc-backup-\d{4}-\d\d-\d\dT\d{6}Z\.tar", small_archive.name)
    assert small_archive.stat().st_mode & 0o777 == 0o600  # personal data
    with tarfile.open(small_archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert names[-1] == "manifest.json"
    assert set(names) == {"database.sqlite3", "manifest.json"} | {
        f"{PREFIXES[setting]}/{name}" for setting in FOLDERS for name in FILES[setting]
    }
    assert manifest["format"] == "coeduc-backup"
    assert manifest["database"]["engine"] == "sqlite"
    assert manifest["database"]["tables"] == {"django_migrations": 2, "notes": 3}
    assert manifest["migrations"] == {"parents": ["0001_initial", "9999_from_a_newer_coeduc"]}
    assert manifest["coeduc_version"] == importlib.metadata.version("coeduc")
    assert manifest["folders"] == {
        PREFIXES[setting]: {
            "setting": setting,
            "files": len(FILES[setting]),
            "bytes": sum(len(data) for data in FILES[setting].values()),
        }
        for setting in FOLDERS
    }
    assert small_archive.name.removeprefix("coeduc-backup-").removesuffix(".tar") == (
        manifest["created_at"].replace(":", "")
    )
    assert sorted(p.name for p in small_archive.parent.iterdir()) == [small_archive.name]


def test_a_restore_puts_the_rows_and_files_back_and_check_reads_it_first(
    small_archive, small_site, new_site
):
    Path(new_site["MEDIA_ROOT"], "original_images").mkdir(parents=True)  # empty: not in the way
    checked = manage("restore", "--check", str(small_archive), **new_site)
    assert checked.returncode == 0, checked.stderr
    assert "is sound" in checked.stdout
    assert not Path(new_site["DATABASE_URL"].removeprefix("sqlite:///")).exists()

    restored = manage("restore", str(small_archive), **new_site)

    assert restored.returncode == 0, restored.stderr
    assert "2 tables, 5 rows; MEDIA_ROOT: 3 files" in restored.stdout
    assert "1 migration this code does not know (parents.9999_from_a_newer_coeduc)" in (
        restored.stderr
    )
    assert "not applied yet: run `manage.py migrate`" in restored.stdout
    assert notes(new_site["DATABASE_URL"]) == ["un", "deux", "trois"]
    assert_files_came_back(small_site, new_site)


def test_restore_refuses_a_database_that_only_records_migrations(small_archive, new_site):
    target = new_site["DATABASE_URL"].removeprefix("sqlite:///")
    with closing(sqlite3.connect(target)) as db, db:
        db.execute("CREATE TABLE django_migrations (id INTEGER PRIMARY KEY, app, name, applied)")
        db.execute("INSERT INTO django_migrations (app, name) VALUES ('parents', '0001_initial')")

    result = manage("restore", str(small_archive), **new_site)

    assert result.returncode == 1
    assert "The database is not empty (1 table has rows: django_migrations)" in result.stderr
    assert "--force" in result.stderr
    assert tables_of(new_site["DATABASE_URL"]) == ["django_migrations"]
    assert all(not Path(new_site[setting]).exists() for setting in FOLDERS)


@pytest.mark.parametrize("setting", FOLDERS)
def test_restore_refuses_a_folder_of_files_that_is_not_empty(small_archive, new_site, setting):
    kept = Path(new_site[setting], "2026", "mine.bin")
    kept.parent.mkdir(parents=True)
    kept.write_bytes(b"mine")

    result = manage("restore", str(small_archive), **new_site)

    assert result.returncode == 1
    assert f"{setting} ({new_site[setting]}) is not empty" in result.stderr
    assert "--force" in result.stderr
    assert files_under(new_site[setting]) == {"2026/mine.bin": b"mine"}
    assert tables_of(new_site["DATABASE_URL"]) == []


# --- Broken, altered or foreign archives ---------------------------------------------------


def rewrite(archive: Path, target: Path, *, manifest=None, member=None, extra=None, renamed=None):
    """A copy of `archive` with its manifest changed, a member changed or left out (None),
    members renamed or added."""
    with (
        tarfile.open(archive) as source,
        tarfile.open(target, "w", format=tarfile.PAX_FORMAT) as out,
    ):
        for info in source.getmembers():
            data = source.extractfile(info).read()
            if info.name == "manifest.json" and manifest:
                data = json.dumps(manifest(json.loads(data))).encode()
            elif member:
                data = member(info.name, data)
                if data is None:
                    continue
            info.name = (renamed or {}).get(info.name, info.name)
            info.size = len(data)
            out.addfile(info, io.BytesIO(data))
        for name, data in (extra or {}).items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            out.addfile(info, io.BytesIO(data))
    return target


def not_a_tar(archive, target):
    target.write_bytes(os.urandom(5000))
    return target


def cut_short(archive, target):
    target.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    return target


def without_manifest(archive, target):
    return rewrite(
        archive, target, member=lambda name, data: None if name == "manifest.json" else data
    )


def flip_a_byte(archive, target):
    def flip(name, data):
        return bytes([data[0] ^ 0xFF]) + data[1:] if name.endswith(".jpg") else data

    return rewrite(archive, target, member=flip)


def of_another_program(archive, target):
    return rewrite(archive, target, manifest=lambda manifest: {**manifest, "format": "other"})


def of_a_newer_format(archive, target):
    return rewrite(archive, target, manifest=lambda manifest: {**manifest, "format_version": 2})


def with_a_damaged_manifest(archive, target):
    return rewrite(archive, target, manifest=lambda manifest: {**manifest, "files": "all"})


def listing(name, data):
    def change(manifest):
        manifest["files"][name] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        return manifest

    return change


def escaping_the_media_folder(archive, target):
    data = b"#!/bin/sh\n"
    return rewrite(
        archive,
        target,
        manifest=listing("media/../../evil.sh", data),
        extra={"media/../../evil.sh": data},
    )


def with_an_unlisted_member(archive, target):
    return rewrite(archive, target, extra={"media/extra.jpg": b"not in the manifest"})


BROKEN = [
    (not_a_tar, "is not a tar archive"),
    (cut_short, "is damaged or cut short (unexpected end of data)"),
    (without_manifest, "has no manifest.json"),
    (flip_a_byte, "does not match its checksum: the archive is damaged"),
    (of_another_program, "is not a Coéduc backup"),
    (of_a_newer_format, "is a backup of format 2; this version of Coéduc reads format 1"),
    (with_a_damaged_manifest, "has a damaged manifest.json"),
    (escaping_the_media_folder, "holds an unexpected member 'media/../../evil.sh': refused"),
    (with_an_unlisted_member, "does not hold the files its manifest lists"),
]


@pytest.mark.parametrize(("break_it", "message"), BROKEN, ids=[b.__name__ for b, _ in BROKEN])
def test_check_refuses_a_broken_or_altered_archive(small_archive, tmp_path, break_it, message):
    broken = break_it(small_archive, tmp_path / "broken.tar")

    # No database marker: reading an archive never touches the database.
    with pytest.raises(CommandError, match=re.escape(message)):
        call_command("restore", "--check", str(broken), stdout=io.StringIO())


# Found first (cut short) and last (a media file altered, once the database was checked).
THROUGH_A_RESTORE = [BROKEN[1], BROKEN[3]]


@pytest.mark.parametrize(
    ("break_it", "message"), THROUGH_A_RESTORE, ids=["cut_short", "flip_a_byte"]
)
def test_a_restore_of_a_broken_archive_changes_nothing(
    small_archive, tmp_path, new_site, break_it, message
):
    broken = break_it(small_archive, tmp_path / "broken.tar")

    result = manage("restore", str(broken), **new_site)

    assert result.returncode == 1
    assert message in result.stderr
    assert tables_of(new_site["DATABASE_URL"]) == []
    assert all(files_under(new_site[setting]) == {} for setting in FOLDERS)


def as_if_from_postgresql(archive, target):
    """The small site's archive, relabelled as a PostgreSQL one."""

    def relabel(manifest):
        manifest["database"].update(engine="postgresql", member="database.pgdump")
        manifest["files"]["database.pgdump"] = manifest["files"].pop("database.sqlite3")
        return manifest

    return rewrite(
        archive, target, manifest=relabel, renamed={"database.sqlite3": "database.pgdump"}
    )


def test_restore_refuses_an_archive_of_the_other_engine(small_archive, tmp_path):
    # The small site's archive is SQLite's; on SQLite, the same relabelled as PostgreSQL's.
    archive, held, configured = small_archive, "sqlite", "postgresql"
    if not ON_POSTGRES:
        archive = as_if_from_postgresql(small_archive, tmp_path / "postgresql.tar")
        held, configured = configured, held

    # No database marker: the engine is read from the settings, before anything else.
    with pytest.raises(CommandError, match=f"holds a {held} database; .* is {configured}"):
        call_command("restore", "--force", str(archive), stdout=io.StringIO())


# --- Writing archives ------------------------------------------------------------------------


def no_file_bigger_than(size: int):
    def limit():
        # Python ignores SIGXFSZ: a write past the limit fails with EFBIG, as on a full disk.
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return limit


def test_a_backup_that_fails_half_way_leaves_no_archive(small_site, tmp_path):
    Path(small_site["MEDIA_ROOT"], "video.mp4").write_bytes(os.urandom(3_000_000))
    output = tmp_path / "backups"

    result = manage(
        "backup",
        "--output-dir",
        str(output),
        preexec_fn=no_file_bigger_than(1_000_000),
        **small_site,
    )

    assert result.returncode != 0
    assert "File too large" in result.stderr
    assert list(output.iterdir()) == []  # neither an archive nor a half-written one


def test_keep_deletes_the_oldest_archives_and_nothing_else(small_site, tmp_path):
    output = tmp_path / "backups"
    output.mkdir()
    older = [f"coeduc-backup-2026-0{month}-01T031500Z.tar" for month in (1, 2, 3)]
    others = ["coeduc-backup-2026-04-01T031500Z.tar.sha256", "notes.txt"]
    for name in older + others:
        (output / name).write_text("")

    result = manage("backup", "--output-dir", str(output), "--keep", "2", **small_site)

    assert result.returncode == 0, result.stderr
    (new,) = set(output.glob("coeduc-backup-*.tar")) - {output / n for n in older}
    assert sorted(p.name for p in output.iterdir()) == sorted([older[2], new.name, *others])
    assert f"Deleted the older backup {older[0]}" in result.stdout


@pytest.mark.parametrize("setting", FOLDERS)
def test_a_backup_folder_inside_a_folder_of_files_is_refused(settings, tmp_path, setting):
    site = use_folders(settings, tmp_path, "site")
    inside = Path(site[setting], "backups")

    with pytest.raises(CommandError, match=f"inside {setting}: each archive would hold"):
        call_command("backup", output_dir=inside, stdout=io.StringIO())

    assert not inside.exists()


voice_only = pytest.mark.skipif(
    "ROOMS_VOICE_ROOT" not in FOLDERS, reason="this version has no voice messages"
)


@voice_only
def test_folders_of_files_inside_one_another_are_refused(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.ROOMS_VOICE_ROOT = tmp_path / "media" / "voice"

    with pytest.raises(CommandError, match=r"ROOMS_VOICE_ROOT \(.*\) is inside MEDIA_ROOT"):
        call_command("backup", output_dir=tmp_path / "backups", stdout=io.StringIO())


@voice_only
def test_an_archive_with_voice_messages_needs_a_version_that_has_them(settings, small_archive):
    del settings.ROOMS_VOICE_ROOT

    with pytest.raises(CommandError, match="holds files for ROOMS_VOICE_ROOT, which this version"):
        call_command("restore", str(small_archive), stdout=io.StringIO())


@pytest.mark.redis
@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL=redis://…")
def test_a_restore_empties_the_sites_cache_and_only_it(small_archive, new_site):
    cache = caches["default"]
    cache.set("guides:page", "a page of the replaced site")
    redis = cache._cache.get_client(write=True)
    redis.set("another-site:key", "theirs")
    try:
        result = manage(
            "restore", str(small_archive), REDIS_URL=os.environ["REDIS_URL"], **new_site
        )

        assert result.returncode == 0, result.stderr
        assert cache.get("guides:page") is None
        assert redis.get("another-site:key") == b"theirs"
    finally:
        redis.delete("another-site:key")
