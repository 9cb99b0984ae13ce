"""core.notify: one channel rule, the recipient's language and clock, sent after commit, and
task arguments that hold references, never the words of a message."""

import json
import logging
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from channels.db import database_sync_to_async
from django.conf import settings
from django.core import mail
from django.db import transaction
from django.test import override_settings
from django.utils import translation
from django_tasks.signals import task_enqueued

from core.links import absolute_reverse
from core.models import OptOut
from core.notify import Kind, Recipient, channels_for, deliver, notify
from core.sms import ConsoleBackend, MemoryBackend, TextMessage
from parents.models import User
from tests.factories import (
    make_facilitator,
    make_organisation,
    make_territory,
    make_venue,
    make_workshop,
)
from tests.test_websocket import communicator, signed_in_session
from workshops import services, services_running
from workshops.models import ParticipantMessage, Registration

GUADELOUPE = ZoneInfo("America/Guadeloupe")
EMAIL = "amina@example.org"
PHONE = "+33612345678"
URGENT = Kind(name="tests.urgent", urgent=True, optional=False)
ORDINARY = Kind(name="tests.ordinary")  # optional, not urgent


@pytest.fixture
def enqueued():
    """The notification tasks enqueued during the test (whatever the backend)."""
    results = []

    def record(sender, task_result, **kwargs):
        if task_result.task.module_path == "core.notify.send_notification":
            results.append(task_result)

    task_enqueued.connect(record)
    yield results
    task_enqueued.disconnect(record)


# --- The channel rule -------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("email", "phone", "kind", "channels"),
    [
        (EMAIL, "", ORDINARY, ["email"]),
        ("", PHONE, ORDINARY, ["sms"]),
        (EMAIL, PHONE, URGENT, ["email", "sms"]),
        (EMAIL, PHONE, ORDINARY, ["email"]),
        ("", "", URGENT, []),
    ],
)
def test_channels_follow_the_contacts_and_the_urgency(email, phone, kind, channels):
    assert channels_for(Recipient.guest(email, phone), kind) == channels


@pytest.mark.django_db
def test_an_opt_out_stops_optional_kinds_but_not_essential_ones():
    OptOut.objects.create(contact=EMAIL)
    OptOut.objects.create(contact=PHONE)
    both = Recipient.guest(EMAIL, PHONE)
    assert channels_for(both, ORDINARY) == []
    assert channels_for(both, URGENT) == ["email", "sms"]
    # Only the address opted out: the number still hears an optional kind.
    OptOut.objects.filter(contact=PHONE).delete()
    assert channels_for(both, ORDINARY) == ["sms"]


@pytest.mark.django_db
def test_an_opted_out_family_gets_no_reminder_but_still_hears_of_a_cancellation(
    django_capture_on_commit_callbacks,
):
    workshop = make_workshop()
    registration = services.register(workshop, first_name="Amina", email=EMAIL, phone=PHONE)
    OptOut.objects.create(contact=EMAIL)
    OptOut.objects.create(contact=PHONE)
    assert deliver(_recipient(registration), "workshops.reminder_48h", _ref(registration)) == []
    sent = deliver(_recipient(registration), "workshops.cancelled", _ref(registration))
    assert sent == ["email", "sms"]
    assert [m.to for m in mail.outbox] == [[EMAIL]]
    assert [sms.to for sms in MemoryBackend.outbox] == [PHONE]


def _recipient(registration):
    from workshops.notifications import recipient_for

    return recipient_for(registration)


def _ref(registration):
    return {"registration_id": registration.pk}


@pytest.mark.django_db
def test_an_account_hears_by_e_mail_not_sms_and_a_deactivated_one_not_live():
    user = User.objects.create_user(email="samira@example.org", phone=PHONE)
    user.phone_verified = True
    recipient = Recipient.for_user(user)
    assert deliver(recipient, "ambassadors.stage", {"stage": 1}) == ["live", "email"]
    [message] = mail.outbox
    assert message.to == ["samira@example.org"]
    with translation.override("fr"):  # her language, the default
        assert absolute_reverse("ambassadors:path") in message.body
    assert MemoryBackend.outbox == []
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert channels_for(recipient, Kind(name="tests.x")) == ["email"]


@pytest.mark.django_db(transaction=True)
async def test_an_account_receives_a_live_push_on_its_open_page():
    user, session_key = await signed_in_session("samira@example.org")
    other, other_key = await signed_in_session("claire@example.org")
    ws, other_ws = communicator(session_key=session_key), communicator(session_key=other_key)
    assert (await ws.connect(timeout=5))[0]
    assert (await other_ws.connect(timeout=5))[0]
    try:
        channels = await database_sync_to_async(deliver)(
            Recipient.for_user(user), "ambassadors.mentoring_accepted", {"mentorship": 1}
        )
        assert channels == ["live", "email"]
        pushed = await ws.receive_json_from(timeout=5)
        assert pushed["type"] == "notification"
        assert pushed["kind"] == "ambassadors.mentoring_accepted"
        assert pushed["text"] == "Parcours ambassadeur Coéduc"  # her language: French
        assert pushed["url"].startswith("http") and "mentor" in pushed["url"]
        assert await other_ws.receive_nothing(timeout=0.3)
    finally:
        await ws.disconnect()
        await other_ws.disconnect()


# --- Language and time zone of the recipient --------------------------------------------------


@pytest.mark.django_db
def test_french_and_arabic_families_read_their_own_language(django_capture_on_commit_callbacks):
    workshop = make_workshop(title="L'ENT & Pronote")  # text, not HTML: nothing escaped
    with django_capture_on_commit_callbacks(execute=True):
        services.register(workshop, first_name="Amina", email="fr@example.org", language="fr")
        services.register(workshop, first_name="Samira", email="ar@example.org", language="ar")
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects["fr@example.org"] == "Vos places sont confirmées : L'ENT & Pronote"
    assert subjects["ar@example.org"] == "تأكدت أماكنكم: L'ENT & Pronote"
    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert f"{settings.SITE_URL}/fr/" in bodies["fr@example.org"]  # the links too
    assert f"{settings.SITE_URL}/ar/" in bodies["ar@example.org"]
    assert "L'ENT & Pronote" in bodies["fr@example.org"]


@pytest.mark.django_db
def test_a_guadeloupe_family_reads_the_venues_clock(django_capture_on_commit_callbacks):
    # 18:00 in Guadeloupe is 23:00 in Paris in winter (22:00 in summer): the site's zone is
    # Paris, the message must say 18:00.
    start = (datetime.now(GUADELOUPE) + timedelta(days=30)).replace(
        hour=18, minute=0, second=0, microsecond=0
    )
    territory = make_territory("971", "Guadeloupe", "America/Guadeloupe")
    workshop = make_workshop(venue=make_venue(territory), starts_at=start)
    with django_capture_on_commit_callbacks(execute=True):
        registration = services.register(
            workshop, first_name="Amina", email=EMAIL, phone=PHONE, language="fr"
        )
    assert _recipient(registration).timezone == "America/Guadeloupe"
    [message] = mail.outbox
    [sms] = MemoryBackend.outbox
    for text in (message.body, sms.body):
        assert "18:00" in text or "18 h" in text
        assert "23:00" not in text and "22:00" not in text


# --- After the commit, and never on a rollback ------------------------------------------------


@pytest.mark.django_db
def test_nothing_is_enqueued_or_sent_before_the_commit(
    django_capture_on_commit_callbacks, enqueued
):
    user = User.objects.create_user(email="samira@example.org")
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        notify(Recipient.for_user(user), "ambassadors.stage", {"stage": 1})
        assert enqueued == [] and mail.outbox == []
    assert len(callbacks) == 1 and enqueued == [] and mail.outbox == []
    callbacks[0]()  # the commit
    assert len(enqueued) == 1
    assert [m.to for m in mail.outbox] == [["samira@example.org"]]


@pytest.mark.django_db(transaction=True)
def test_nothing_is_sent_for_a_rolled_back_change(enqueued):
    workshop = make_workshop()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.register(workshop, first_name="Amina", email=EMAIL, phone=PHONE)
        raise RuntimeError("the change is rolled back")
    assert not Registration.objects.exists()
    assert enqueued == [] and mail.outbox == [] and MemoryBackend.outbox == []
    # The same sign-up, committed, is told.
    services.register(workshop, first_name="Amina", email=EMAIL, phone=PHONE)
    assert len(enqueued) == 1
    assert [m.to for m in mail.outbox] == [[EMAIL]]


# --- Task arguments: references only ----------------------------------------------------------

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.mark.django_db
def test_the_stored_task_holds_ids_not_the_facilitators_words(django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    organisation = make_organisation()
    workshop = make_workshop(venue=make_venue(organisation=organisation))
    services.register(workshop, first_name="Amina", email=EMAIL, phone=PHONE)
    facilitator = make_facilitator(organisation, "claire@example.org")
    with override_settings(TASKS=DATABASE_TASKS):
        with django_capture_on_commit_callbacks(execute=True):
            count = services_running.message_participants(
                workshop,
                subject="Salle changée",
                body="Rendez-vous salle B, code porte 4512.",
                channels=["email", "sms"],
                sent_by=facilitator,
            )
        stored = list(DBTaskResult.objects.values_list("args_kwargs", flat=True))
    assert count == 1 and mail.outbox == []  # queued, not sent: the worker sends it
    message = ParticipantMessage.objects.get()
    assert (message.sent_by, message.recipients_count, message.channel_list) == (
        facilitator,
        1,
        ["email", "sms"],
    )
    [args_kwargs] = stored
    text = json.dumps(args_kwargs, ensure_ascii=False)
    assert "Rendez-vous" not in text and "4512" not in text and "Salle" not in text
    assert f'"message_id": {message.pk}' in text
    # The worker renders it from the stored message.
    recipient, kind, payload = args_kwargs["args"]
    assert kind == "workshops.message"
    assert deliver(Recipient(**recipient), kind, payload) == ["email", "sms"]
    assert "Rendez-vous salle B, code porte 4512." in mail.outbox[0].body
    assert mail.outbox[0].subject.endswith("— Salle changée")
    assert MemoryBackend.outbox[0].body.endswith(": Rendez-vous salle B, code porte 4512.")


@pytest.mark.django_db
def test_a_sign_in_code_is_sent_at_once_and_never_queued(enqueued, caplog):
    from parents.adapter import AccountAdapter

    caplog.set_level(logging.DEBUG)
    with override_settings(TASKS=DATABASE_TASKS), transaction.atomic():
        AccountAdapter().send_verification_code_sms(None, PHONE, "913274")
    assert enqueued == []
    [sms] = MemoryBackend.outbox
    assert sms.to == PHONE and "913274" in sms.body
    # Logged: the kind and the channel, nothing a reader of the logs could use.
    assert "parents.sign_in_code" in caplog.text
    assert "913274" not in caplog.text and PHONE not in caplog.text


@pytest.mark.django_db
def test_logs_carry_the_kind_and_channels_only(caplog, django_capture_on_commit_callbacks):
    caplog.set_level(logging.DEBUG)
    workshop = make_workshop(title="Pronote")
    with django_capture_on_commit_callbacks(execute=True):
        services.register(workshop, first_name="Amina", email=EMAIL, phone=PHONE)
    assert "workshops.registered sent by email,sms" in caplog.text
    for secret in (EMAIL, PHONE, "Amina", "Pronote"):
        assert secret not in caplog.text


@override_settings(DEBUG=False)
def test_the_console_sms_backend_prints_no_body_outside_debug(capsys):
    ConsoleBackend().send(TextMessage(to=PHONE, body="Coéduc: your code is 913274."))
    out = capsys.readouterr().out
    assert "913274" not in out and PHONE not in out
    assert "SMS to ***** (28 characters)" in out


@override_settings(DEBUG=True)
def test_the_console_sms_backend_prints_the_body_in_development(capsys):
    ConsoleBackend().send(TextMessage(to=PHONE, body="Coéduc: your code is 913274."))
    assert "913274" in capsys.readouterr().out
