"""Putting an archive back: checks first, then the database, then the files, then the cache."""

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import connections
from django.db.migrations.executor import MigrationExecutor

from . import BackupError, counted, databases
from .archive import FOLDERS, STAGING_PREFIX, Archive, extract_member, folders, open_archive


@dataclass
class RestoreReport:
    tables: int
    rows: int
    files: dict[str, int]  # per setting: {"MEDIA_ROOT": 12, …}
    unknown_migrations: list[str]
    unapplied_migrations: list[str]


def entries(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return [p for p in root.iterdir() if not p.name.startswith(STAGING_PREFIX)]


def holds_files(root: Path) -> bool:
    # Empty folders do not count: Wagtail makes its own (original_images/, images/) early.
    return any(
        entry.is_file()
        or (
            entry.is_dir() and not entry.is_symlink() and any(p.is_file() for p in entry.rglob("*"))
        )
        for entry in entries(root)
    )


def _refuse_to_overwrite(alias: str, roots: dict[str, Path]) -> None:
    tables = databases.non_empty_tables(alias)
    if tables:
        shown = ", ".join(tables[:5]) + (", …" if len(tables) > 5 else "")
        raise BackupError(
            f"The database is not empty ({counted(len(tables), 'table')} "
            f"{'has' if len(tables) == 1 else 'have'} rows: {shown}). Restoring "
            "would replace everything in it. Point DATABASE_URL at a new, empty database, or "
            "run the restore again with --force to replace it."
        )
    for prefix, root in roots.items():
        if holds_files(root):
            raise BackupError(
                f"{FOLDERS[prefix]} ({root}) is not empty. Restoring would replace its files. "
                "Empty it, or run the restore again with --force to replace it."
            )


def _stage(archive: Archive, prefix: str, root: Path) -> Path:
    """Copy out and check a folder's files, inside it: the moves after are renames on one file
    system even when the folder is a mount point (shared storage)."""
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=root, prefix=STAGING_PREFIX))
    try:
        for name in archive.members_in(prefix):
            target = staging.joinpath(*name.split("/")[1:])
            target.parent.mkdir(parents=True, exist_ok=True)
            extract_member(archive, name, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


def _swap(staging: Path, root: Path) -> None:
    for entry in entries(root):
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    for entry in staging.iterdir():
        entry.rename(root / entry.name)
    staging.rmdir()


def clear_cache() -> None:
    """Empty the cache (pages, rate limits) of the data that was replaced: on Redis, only
    Coéduc's own keys, as the database may be shared with other sites."""
    default = caches["default"]  # not the `cache` proxy, which no isinstance() sees through
    if isinstance(default, RedisCache):
        redis = default._cache.get_client(write=True)
        keys = list(redis.scan_iter(match=default.make_key("*"), count=1000))
        if keys:
            redis.delete(*keys)
    else:
        default.clear()


def restore_backup(path: Path, *, force: bool = False, alias: str = "default") -> RestoreReport:
    """Replace the configured database and folders of files with an archive's, after checking
    it. A folder the archive does not have (made before it existed) is emptied."""
    engine = databases.engine_of(connections[alias].settings_dict)
    roots = folders()
    with open_archive(path) as archive:
        missing = sorted(set(archive.manifest["folders"]) - set(roots))
        if missing:
            raise BackupError(
                f"{path} holds files for {', '.join(FOLDERS[p] for p in missing)}, which this "
                "version of Coéduc does not have: restore it with the version that made it "
                f"({archive.manifest['coeduc_version']})."
            )
        if archive.engine != engine:
            raise BackupError(
                f"{path} holds a {archive.engine} database; the configured database "
                f"(DATABASE_URL) is {engine}. Restore it into a {archive.engine} database."
            )
        if not force:
            _refuse_to_overwrite(alias, roots)
        # Every member is copied out and checked before anything is replaced.
        staged: dict[str, Path] = {}
        with tempfile.TemporaryDirectory(prefix=".coeduc-restore-") as work:
            try:
                dump = Path(work) / archive.manifest["database"]["member"]
                extract_member(archive, dump.name, dump)
                for prefix, root in roots.items():
                    staged[prefix] = _stage(archive, prefix, root)
                databases.restore(alias, dump)
            except BaseException:
                for staging in staged.values():
                    shutil.rmtree(staging, ignore_errors=True)
                raise
        for prefix, staging in staged.items():
            _swap(staging, roots[prefix])
    clear_cache()
    return _check_restored(archive.manifest, alias, roots)


def _check_restored(manifest: dict, alias: str, roots: dict[str, Path]) -> RestoreReport:
    connection = connections[alias]
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        state = databases.database_state(
            cursor, [t for t in tables if t in manifest["database"]["tables"]]
        )
    expected = manifest["database"]["tables"]
    wrong = sorted(t for t, n in expected.items() if state["tables"].get(t) != n)
    if wrong:
        raise BackupError(
            "The restored database does not hold the rows the manifest lists "
            f"({', '.join(wrong[:5])}): do not use it; restore again with --force."
        )
    # What `migrate --plan` would say: the code may be newer than the backup (or older).
    executor = MigrationExecutor(connection)
    loader = executor.loader
    plan = executor.migration_plan(loader.graph.leaf_nodes())
    return RestoreReport(
        tables=len(expected),
        rows=sum(expected.values()),
        files={
            FOLDERS[prefix]: manifest["folders"].get(prefix, {}).get("files", 0) for prefix in roots
        },
        unknown_migrations=sorted(
            f"{app}.{name}"
            for app, name in loader.applied_migrations
            if (app, name) not in loader.disk_migrations
        ),
        unapplied_migrations=[f"{migration.app_label}.{migration.name}" for migration, _ in plan],
    )
