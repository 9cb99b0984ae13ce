"""`manage.py restore ARCHIVE`: put a backup back into the configured database and folders."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from coeduc.backups import BackupError, counted
from coeduc.backups.archive import open_archive, verify_archive
from coeduc.backups.restore import restore_backup


class Command(BaseCommand):
    help = (
        "Restore an archive made by `manage.py backup` into the configured database "
        "(DATABASE_URL), MEDIA_ROOT and ROOMS_VOICE_ROOT. Refuses to replace a database or a "
        "folder that is not empty unless --force is given."
    )
    # The database may be empty (nothing migrated yet): the checks have nothing to say.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="A coeduc-backup-….tar file.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the database and the folders even if they are not empty.",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="Only check the archive (manifest and every checksum); change nothing.",
        )

    def handle(self, *args, **options):
        path = options["archive"]
        try:
            if options["check"]:
                with open_archive(path) as archive:
                    verify_archive(archive)
                    manifest = archive.manifest
                self.stdout.write(
                    f"{path} is sound: made {manifest['created_at']} by Coéduc "
                    f"{manifest['coeduc_version']}, {manifest['database']['engine']} database, "
                    + ", ".join(
                        f"{folder['setting']}: {counted(folder['files'], 'file')}"
                        for folder in manifest["folders"].values()
                    )
                    + "."
                )
                return
            report = restore_backup(path, force=options["force"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {path}: {counted(report.tables, 'table')}, "
            f"{counted(report.rows, 'row')}; "
            + ", ".join(f"{setting}: {counted(n, 'file')}" for setting, n in report.files.items())
            + "."
        )
        if report.unknown_migrations:
            unknown = report.unknown_migrations
            self.stderr.write(
                f"Warning: the backup has {counted(len(unknown), 'migration')} this code does "
                f"not know ({', '.join(unknown[:5])}): it was made by a newer version of "
                "Coéduc. Deploy that version before serving the site."
            )
        if report.unapplied_migrations:
            self.stdout.write(
                f"{counted(len(report.unapplied_migrations), 'migration')} of this code not "
                "applied yet: run `manage.py migrate` before serving the site."
            )
        self.stdout.write("Restart the application servers and the task worker.")
