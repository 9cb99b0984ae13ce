"""Erase the first names and contact details of sign-ups 90 days after their workshop.

The promise made on the sign-up form. Run it daily (cron or a systemd timer).
"""

from django.core.management.base import BaseCommand

from workshops import services_reminders


class Command(BaseCommand):
    help = "Anonymise workshop sign-ups whose workshop ended more than 90 days ago."

    def handle(self, *args, **options):
        count = services_reminders.purge_guest_data()
        self.stdout.write(f"sign-ups anonymised: {count}")
