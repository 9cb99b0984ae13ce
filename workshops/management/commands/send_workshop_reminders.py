"""Queue the workshop reminders (48 h and 3 h before) and follow-ups that are due.

Run it every 15 minutes in production (cron or a systemd timer, see the README); it is
idempotent, so running it more often, twice at once or after a pause is harmless. The
messages themselves are sent by the django-tasks worker.
"""

from django.core.management.base import BaseCommand

from workshops import services_reminders


class Command(BaseCommand):
    help = "Queue the workshop reminders and follow-ups that are due (run every 15 minutes)."

    def handle(self, *args, **options):
        counts = services_reminders.send_due_reminders()
        self.stdout.write(
            "reminders 48 h: {reminder_48h}, reminders 3 h: {reminder_3h}, "
            "follow-ups: {followup}".format(**counts)
        )
