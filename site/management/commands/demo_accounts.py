"""Print the demo accounts and how to sign in with each (called by `make run`)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from parents.models import User
from parents.permissions import roles_of

from .load_demo import DEMO_ACCOUNTS, DEMO_PASSWORD


class Command(BaseCommand):
    help = "List the demo accounts."

    def handle(self, *args, **options):
        site = settings.SITE_URL
        self.stdout.write("\nDemo accounts (role — e-mail / phone):")
        for role, email, phone, _name, _territory in DEMO_ACCOUNTS:
            user = User.objects.filter(email=email).first()
            if user is None:
                continue
            contact = email + (f" / {phone}" if phone else "")
            held = ", ".join(roles_of(user))
            self.stdout.write(f"  {role:<12} {contact:<45} ({held})")
        self.stdout.write(
            f"\nSign in at {site}/fr/accounts/login/ :\n"
            f"  - with a code: choose “Recevoir un code”, give the e-mail (or the phone number);\n"
            f"    the code is printed in this terminal (console e-mail and SMS backends);\n"
            f"  - or with the password “{DEMO_PASSWORD}” under “J’ai un mot de passe”.\n"
            f"Wagtail admin (editor, staff): {site}/admin/\n"
        )
