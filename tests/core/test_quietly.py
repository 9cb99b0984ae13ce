"""The demo loader writes through the services quietly: nobody is told anything."""

import io

import pytest
from django.core import mail
from django.core.management import call_command

from core.notify import Recipient, notify, quietly
from core.sms import MemoryBackend
from workshops.models import Registration

pytestmark = pytest.mark.django_db


def test_nothing_is_sent_inside_quietly_and_everything_after(django_capture_on_commit_callbacks):
    recipient = Recipient.guest(phone="+33612345678", language="fr")
    with django_capture_on_commit_callbacks(execute=True) as callbacks, quietly():
        notify(recipient, "parents.unknown_account", {}, now=True)
        notify(recipient, "parents.unknown_account", {})
    assert (callbacks, MemoryBackend.outbox) == ([], [])

    notify(recipient, "parents.unknown_account", {}, now=True)
    assert [sms.to for sms in MemoryBackend.outbox] == ["+33612345678"]


def test_loading_the_demo_signs_families_up_through_the_service_and_tells_no_one(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())
    assert Registration.objects.filter(status=Registration.Status.WAITLISTED).exists()
    assert (mail.outbox, MemoryBackend.outbox) == ([], [])
