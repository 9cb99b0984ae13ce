"""Refresh the observatory's monthly figures now (open months only by default).

The worker does it every hour (`observatory.tasks.refresh_observatory_hourly`); this command
is for a first fill (`--since`) and catching up by hand.
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from observatory import summary


class Command(BaseCommand):
    help = "Recompute the observatory's open months (or the months given)."

    def add_arguments(self, parser):
        parser.add_argument("--since", help="first month to compute (YYYY-MM), up to now")
        parser.add_argument(
            "--force", action="store_true", help="recompute frozen months too (not advised)"
        )

    def handle(self, *args, since=None, force=False, **options):
        months = None
        if since:
            try:
                year, month = (int(x) for x in since.split("-"))
                first = date(year, month, 1)
            except ValueError as error:
                raise CommandError("--since takes a month as YYYY-MM") from error
            months = summary.months_between(first, summary.month_of(timezone.now()))
        cells = summary.refresh(months, force=force)
        self.stdout.write(f"{cells} cells computed")
