"""`manage.py backup`: the database and the files into one dated archive (README, "Backups")."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from coeduc.backups import BackupError, counted
from coeduc.backups.archive import backup_dir, create_backup, prune_backups


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump, or SQLite's online backup), MEDIA_ROOT and "
        "ROOMS_VOICE_ROOT into one archive, coeduc-backup-<UTC date and time>.tar, in "
        "--output-dir."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            type=Path,
            default=None,
            help="Folder of the archives (default: BACKUP_DIR, var/backups).",
        )
        parser.add_argument(
            "--keep",
            type=int,
            default=None,
            metavar="N",
            help="Then delete all but the N newest archives of that folder.",
        )

    def handle(self, *args, **options):
        keep = options["keep"]
        if keep is not None and keep < 1:
            raise CommandError("--keep must be at least 1 (the archive just written).")
        output_dir = options["output_dir"] or backup_dir()
        try:
            archive, manifest = create_backup(output_dir)
        except BackupError as error:
            raise CommandError(str(error)) from error
        tables = manifest["database"]["tables"]
        self.stdout.write(
            f"Backup written: {archive} ({archive.stat().st_size} bytes; "
            f"{counted(len(tables), 'table')}, {counted(sum(tables.values()), 'row')}; "
            + ", ".join(
                f"{folder['setting']}: {counted(folder['files'], 'file')}"
                for folder in manifest["folders"].values()
            )
            + ")."
        )
        if keep is not None:
            for path in prune_backups(archive.parent, keep, spare=archive):
                self.stdout.write(f"Deleted the older backup {path.name}.")
