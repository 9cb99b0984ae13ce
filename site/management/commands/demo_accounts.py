"""Print the demo accounts and how to sign in with each (called by `make run`)."""

import socket
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from parents.models import User
from parents.permissions import roles_of

from .load_demo import DEMO_ACCOUNTS, DEMO_PASSWORD


def wait_for_server(address: str, timeout: float) -> bool:
    """True once something accepts connections at "host:port", False after `timeout` seconds."""
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit():
        raise CommandError(f"--after-server expects host:port, not {address!r}.")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((host.strip("[]"), int(port)), timeout=1):
                return True
        except OSError:
            time.sleep(0.2)
    return False


class Command(BaseCommand):
    help = "List the demo accounts."

    def add_arguments(self, parser):
        # `make serve` starts uvicorn first and prints the accounts once it listens, so they are
        # the last lines of the terminal instead of being pushed off by the server's start-up.
        parser.add_argument(
            "--after-server",
            metavar="HOST:PORT",
            help="Wait until a server listens there before printing (at most --timeout seconds).",
        )
        parser.add_argument("--timeout", type=float, default=60.0)

    def handle(self, *args, **options):
        if options["after_server"] and not wait_for_server(
            options["after_server"], options["timeout"]
        ):
            self.stderr.write(f"No server answered at {options['after_server']}.")
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
