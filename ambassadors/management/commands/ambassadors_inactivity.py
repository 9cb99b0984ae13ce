"""Remind inactive ambassadors, then list them for the facilitators' review (run daily).

Idempotent: each ambassador is reminded once per period of inactivity and listed once;
nobody is ever demoted automatically. Also moves on volunteers whose evidence now meets an
automatic stage (for evidence recorded while the signals could not run).
"""

from django.core.management.base import BaseCommand

from ambassadors import services


class Command(BaseCommand):
    help = "Remind inactive ambassadors, list them for review, move on automatic stages."

    def handle(self, *args, **options):
        moved = services.advance_automatically()
        reminded, listed = services.check_inactivity()
        self.stdout.write(
            f"{reminded} reminded, {listed} listed for review, {moved} moved on automatically."
        )
