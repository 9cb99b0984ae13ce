"""Erase the first names and contact details of sign-ups whose time is over.

The promise made on the sign-up form. The worker runs the same purge every night
(`workshops.tasks.purge_guest_data_nightly`); this command is for catching up by hand.
"""

from django.core.management.base import BaseCommand

from workshops import services_reminders


class Command(BaseCommand):
    help = "Anonymise the sign-ups of workshops over for WORKSHOPS_GUEST_DATA_DAYS."

    def handle(self, *args, **options):
        count = services_reminders.purge_guest_data()
        self.stdout.write(f"sign-ups anonymised: {count}")
