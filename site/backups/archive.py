"""Backup archives: writing one atomically, and opening one with every member checked."""

import hashlib
import importlib.metadata
import io
import json
import os
import re
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.db import connections

from . import BackupError, databases

FORMAT = "coeduc-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
# The folders of files an archive holds: its folder in the archive, and the setting naming the
# place. The voice messages live outside MEDIA_ROOT (they have no public address). A setting
# this version does not have is left out.
FOLDERS = {"media": "MEDIA_ROOT", "voice": "ROOMS_VOICE_ROOT"}
ARCHIVE_NAME = re.compile(r"^coeduc-backup-\d{4}-\d{2}-\d{2}T\d{6}Z\.tar$")
# A restore stages each folder's files in a folder of this name inside it; never backed up.
STAGING_PREFIX = ".coeduc-restore-"
MAX_MANIFEST_BYTES = 10 * 1024 * 1024
CHUNK = 1024 * 1024


def backup_dir() -> Path:
    return Path(settings.BACKUP_DIR)


def coeduc_version() -> str:
    try:
        return importlib.metadata.version("coeduc")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


# --- Writing an archive --------------------------------------------------------------------


class _HashingReader:
    """A file that hashes what tarfile reads from it."""

    def __init__(self, file):
        self.file = file
        self.sha256 = hashlib.sha256()

    def read(self, size=-1):
        data = self.file.read(size)
        self.sha256.update(data)
        return data


def _add_file(tar: tarfile.TarFile, path: Path, name: str) -> dict:
    with path.open("rb") as file:
        stat = os.fstat(file.fileno())
        info = tarfile.TarInfo(name)
        info.size = stat.st_size
        info.mtime = int(stat.st_mtime)
        info.mode = 0o644
        reader = _HashingReader(file)
        # tarfile copies exactly info.size bytes (and fails if the file shrank meanwhile).
        tar.addfile(info, reader)
    return {"size": info.size, "sha256": reader.sha256.hexdigest()}


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes, mtime: datetime) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(mtime.timestamp())
    info.mode = 0o644
    tar.addfile(info, io.BytesIO(data))


def folders() -> dict[str, Path]:
    """The folders of files of this site, by their folder in the archive; none inside another."""
    found = {
        prefix: Path(getattr(settings, setting)).resolve()
        for prefix, setting in FOLDERS.items()
        if getattr(settings, setting, None)
    }
    for prefix, path in found.items():
        for other, other_path in found.items():
            if other != prefix and (path == other_path or other_path in path.parents):
                raise BackupError(
                    f"{FOLDERS[prefix]} ({path}) is inside {FOLDERS[other]} ({other_path}): "
                    "give each its own folder."
                )
    return found


def files_under(root: Path, prefix: str) -> list[tuple[Path, str]]:
    """Every regular file under `root`, with its name in the archive, in a stable order."""
    found = []
    if not root.is_dir():
        return found
    for directory, subdirectories, files in os.walk(root):
        if Path(directory) == root:
            subdirectories[:] = [d for d in subdirectories if not d.startswith(STAGING_PREFIX)]
        subdirectories.sort()
        for name in sorted(files):
            path = Path(directory, name)
            if path.is_file() and not path.is_symlink():
                found.append((path, f"{prefix}/{path.relative_to(root).as_posix()}"))
    return found


def _fsync_directory(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def create_backup(output_dir: Path | None = None, alias: str = "default") -> tuple[Path, dict]:
    """Write a new archive into `output_dir`; returns its path and its manifest."""
    output_dir = Path(output_dir or backup_dir()).resolve()
    roots = folders()
    for prefix, root in roots.items():
        if output_dir == root or root in output_dir.parents:
            raise BackupError(
                f"The backup folder {output_dir} is inside {FOLDERS[prefix]}: each archive would "
                "hold the ones before, and from MEDIA_ROOT they (personal data included) would "
                "be served to anyone. Choose another --output-dir or BACKUP_DIR."
            )
    settings_dict = connections[alias].settings_dict
    engine = databases.engine_of(settings_dict)
    created = datetime.now(UTC).replace(microsecond=0)
    final = output_dir / f"coeduc-backup-{created:%Y-%m-%dT%H%M%SZ}.tar"
    output_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    if final.exists():
        raise BackupError(f"{final} already exists: wait a second and run the backup again.")

    # Everything is written under a hidden name in the same folder, then renamed: a backup
    # that crashes never leaves a half archive under a final name. mkstemp and mkdtemp make
    # them readable by their owner only (the archive holds personal data).
    with tempfile.TemporaryDirectory(dir=output_dir, prefix=".coeduc-backup-") as work:
        dump = Path(work) / databases.DATABASE_MEMBERS[engine]
        state = databases.dump(alias, dump)
        descriptor, partial = tempfile.mkstemp(dir=output_dir, prefix=".", suffix=".tar.partial")
        try:
            with os.fdopen(descriptor, "wb") as raw:
                with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
                    files = {dump.name: _add_file(tar, dump, dump.name)}
                    for prefix, root in roots.items():
                        for path, name in files_under(root, prefix):
                            files[name] = _add_file(tar, path, name)
                    manifest = _manifest(created, settings_dict, dump.name, state, roots, files)
                    data = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
                    _add_bytes(tar, MANIFEST, data, created)
                raw.flush()
                os.fsync(raw.fileno())
            os.replace(partial, final)
            _fsync_directory(output_dir)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise
    return final, manifest


def _manifest(created, settings_dict, database_member, state, roots, files) -> dict:
    def in_folder(prefix):
        return [entry for name, entry in files.items() if name.startswith(f"{prefix}/")]

    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": created.isoformat().replace("+00:00", "Z"),
        "coeduc_version": coeduc_version(),
        "database": {
            "engine": databases.engine_of(settings_dict),
            "django_engine": settings_dict["ENGINE"],
            "member": database_member,
            "tables": state["tables"],
        },
        "migrations": state["migrations"],
        "folders": {
            prefix: {
                "setting": FOLDERS[prefix],
                "files": len(in_folder(prefix)),
                "bytes": sum(entry["size"] for entry in in_folder(prefix)),
            }
            for prefix in roots
        },
        "files": files,
    }


def prune_backups(output_dir: Path, keep: int, spare: Path | None = None) -> list[Path]:
    """Delete all but the `keep` newest archives of the folder (never `spare`)."""
    archives = sorted(p for p in Path(output_dir).iterdir() if ARCHIVE_NAME.match(p.name))
    doomed = [p for p in archives[: max(len(archives) - keep, 0)] if p != spare]
    for path in doomed:
        path.unlink()
    return doomed


# --- Reading and checking an archive -------------------------------------------------------


@dataclass
class Archive:
    """An opened archive whose manifest and members' list have been checked."""

    path: Path
    tar: tarfile.TarFile
    manifest: dict
    members: dict[str, tarfile.TarInfo] = field(default_factory=dict)

    @property
    def engine(self) -> str:
        return self.manifest["database"]["engine"]

    def members_in(self, prefix: str) -> list[str]:
        return sorted(name for name in self.members if name.startswith(f"{prefix}/"))


def _safe_member_name(name: str) -> bool:
    path = PurePosixPath(name)
    return (
        bool(name)
        and not path.is_absolute()
        and "\\" not in name
        and "\x00" not in name
        and all(part not in {"", ".", ".."} for part in name.split("/"))
    )


def _check_manifest(manifest, path: Path) -> None:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is not a Coéduc backup (its manifest.json is not ours).")
    version = manifest.get("format_version")
    if version != FORMAT_VERSION:
        raise BackupError(
            f"{path} is a backup of format {version!r}; this version of Coéduc reads format "
            f"{FORMAT_VERSION}. Restore it with the version of Coéduc that made it "
            f"({manifest.get('coeduc_version', 'unknown')})."
        )
    database, files = manifest.get("database"), manifest.get("files")
    if (
        not isinstance(database, dict)
        or database.get("engine") not in databases.DATABASE_MEMBERS
        or database.get("member") != databases.DATABASE_MEMBERS[database["engine"]]
        or not isinstance(database.get("tables"), dict)
        or not all(isinstance(n, int) for n in database["tables"].values())
        or not isinstance(manifest.get("migrations"), dict)
        or not isinstance(files, dict)
        or not isinstance(manifest.get("folders"), dict)
        or not all(
            prefix in FOLDERS and isinstance(v, dict) and isinstance(v.get("files"), int)
            for prefix, v in manifest["folders"].items()
        )
        or not all(
            name == database["member"]
            or ("/" in name and name.split("/")[0] in manifest["folders"])
            for name in files
        )
        or database["member"] not in files
        or not all(
            isinstance(v, dict)
            and isinstance(v.get("size"), int)
            and isinstance(v.get("sha256"), str)
            for v in files.values()
        )
    ):
        raise BackupError(f"{path} has a damaged manifest.json (fields missing or wrong).")


@contextmanager
def open_archive(path: Path) -> Iterator[Archive]:
    """Open an archive, its manifest checked against its list of members (not their bytes)."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path}: no such file.")
    try:
        # Closed by the `with` below; opened apart so that its errors get our message.
        tar = tarfile.open(path, mode="r:")  # noqa: SIM115
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"{path} is not a tar archive ({error}).") from error
    with tar:
        yield _checked(path, tar)


def _checked(path: Path, tar: tarfile.TarFile) -> Archive:
    try:
        infos = tar.getmembers()  # reads every header: an archive cut short fails here
    except (tarfile.TarError, OSError, EOFError) as error:
        raise BackupError(f"{path} is damaged or cut short ({error}).") from error
    members: dict[str, tarfile.TarInfo] = {}
    for info in infos:
        if not info.isfile() or not _safe_member_name(info.name) or info.name in members:
            raise BackupError(f"{path} holds an unexpected member {info.name!r}: refused.")
        members[info.name] = info
    # The manifest is written last: an archive cut short has none, or a damaged one.
    manifest_info = members.pop(MANIFEST, None)
    if manifest_info is None:
        raise BackupError(f"{path} has no manifest.json: not a Coéduc backup, or cut short.")
    if manifest_info.size > MAX_MANIFEST_BYTES:
        raise BackupError(f"{path} has a manifest.json too large to be ours.")
    try:
        manifest = json.loads(tar.extractfile(manifest_info).read())
    except (ValueError, tarfile.TarError, OSError, EOFError) as error:
        raise BackupError(f"{path} has a damaged manifest.json ({error}).") from error
    _check_manifest(manifest, path)
    if set(members) != set(manifest["files"]):
        raise BackupError(f"{path} does not hold the files its manifest lists: damaged or altered.")
    for name, info in members.items():
        if info.size != manifest["files"][name]["size"]:
            raise BackupError(f"{path}: {name} does not have the size its manifest says.")
    return Archive(path=path, tar=tar, manifest=manifest, members=members)


def extract_member(archive: Archive, name: str, destination: Path | None) -> None:
    """Copy a member to `destination` (or nowhere) and check its SHA-256 against the manifest."""
    digest = hashlib.sha256()
    try:
        source = archive.tar.extractfile(archive.members[name])
        out = destination.open("xb") if destination is not None else None
        try:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                if out is not None:
                    out.write(chunk)
        finally:
            if out is not None:
                out.close()
    except (tarfile.TarError, EOFError) as error:
        raise BackupError(f"{archive.path}: {name} cannot be read ({error}).") from error
    if digest.hexdigest() != archive.manifest["files"][name]["sha256"]:
        raise BackupError(
            f"{archive.path}: {name} does not match its checksum: the archive is damaged."
        )


def verify_archive(archive: Archive) -> None:
    """Read every member and check it against the manifest, writing nothing."""
    for name in sorted(archive.members):
        extract_member(archive, name, None)
