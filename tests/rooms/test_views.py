"""The rooms' pages without JavaScript: read, post, report, ask, claim, moderate by forms."""

import pytest
from django.urls import reverse
from django.utils import translation

from rooms import services
from rooms.models import HelpRequest, Member, Message, ModerationAction, Report
from tests.factories import (
    join,
    make_ambassador,
    make_facilitator,
    make_room,
    make_territory,
    make_user,
)

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"rooms:{name}", args=args)


def test_the_room_lists_its_messages_and_posting_is_a_plain_form(client):
    room = make_room(slug="pronote-aisne")
    samira, claire = make_user("Samira"), make_user("Claire")
    join(claire, room)
    services.post_message(claire, room, "Bonjour, <b>bienvenue</b> ! https://www.pronote.net")
    client.force_login(samira)

    page = client.get(url("room", room.slug))
    assert page.status_code == 200
    html = page.content.decode()
    assert "&lt;b&gt;bienvenue&lt;/b&gt;" in html
    assert 'rel="nofollow noopener ugc"' in html
    assert "I accept the rules" in html and 'action="/en/rooms/pronote-aisne/post/"' not in html

    client.post(url("accept_rules", room.slug))
    response = client.post(url("post", room.slug), {"text": "Mon numéro : 06 12 34 56 78"})
    message = Message.objects.get(author=samira)
    assert response.status_code == 302
    assert response["Location"] == url("room", room.slug) + f"#m-{message.pk}"
    html = client.get(url("room", room.slug)).content.decode()
    assert f'id="m-{message.pk}"' in html and "** ** ** ** **" in html
    assert "06 12 34 56 78" not in html

    too_long = client.post(url("post", room.slug), {"text": "x" * 1001}, follow=True)
    assert "at most 1000 characters" in too_long.content.decode()
    assert Message.objects.count() == 2


def test_the_arabic_room_is_right_to_left_in_its_language(client):
    room = make_room(slug="arabe", language="ar", name="مساحة الأهل")
    samira = make_user()
    client.force_login(samira)
    with translation.override("ar"):
        html = client.get(url("room", room.slug)).content.decode()
    assert 'id="messages" lang="ar" dir="rtl"' in html


def test_reporting_a_message_is_a_plain_form(client):
    room = make_room()
    samira, bruno = make_user("Samira"), make_user("Bruno")
    join(bruno, room)
    message = services.post_message(bruno, room, "Message désagréable")
    client.force_login(samira)
    response = client.post(url("report", room.slug, message.pk), {"reason": "Insultant"})
    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.message, report.reporter, report.reason) == (message, samira, "Insultant")
    # A stale or foreign id: a clear message, no crash.
    response = client.post(url("report", room.slug, 999999), {"reason": "x"}, follow=True)
    assert response.status_code == 200
    assert "does not exist here" in response.content.decode()


def test_rooms_out_of_scope_are_not_found(client):
    room = make_room(territory=make_territory("95", "Val-d'Oise"))
    client.force_login(make_user())
    assert client.get(url("room", room.slug)).status_code == 404
    assert client.post(url("post", room.slug), {"text": "x"}).status_code == 404
    assert client.get(url("room", "no-such-room")).status_code == 404


@pytest.mark.parametrize(
    "who, status",
    [
        ("anonymous", 302),
        ("parent out of scope", 404),
        ("parent in scope", 403),
        ("facilitator of another territory", 404),
        ("facilitator in scope", 200),
        ("member moderator", 200),
        ("staff", 200),
    ],
)
def test_the_moderation_page_is_for_the_room_s_moderators(client, who, status):
    room = make_room()
    people = {
        "parent out of scope": lambda: make_user(territory=make_territory("95", "V")),
        "parent in scope": make_user,
        "facilitator of another territory": lambda: make_facilitator(("95",)),
        "facilitator in scope": make_facilitator,
        "member moderator": lambda: join(make_user(), room, is_moderator=True).user,
        "staff": lambda: make_user(is_staff=True),
    }
    if who != "anonymous":
        client.force_login(people[who]())
    response = client.get(url("moderation", room.slug))
    assert response.status_code == status
    if who == "anonymous":
        assert response["Location"].startswith(reverse("account_login"))


def test_moderators_hide_mute_and_ban_with_forms_and_everything_is_logged(client):
    room = make_room()
    bruno = make_user("Bruno")
    join(bruno, room)
    message = services.post_message(bruno, room, "Spam spam")
    Report.objects.create(message=message, reporter=make_user(), reason="Publicité")
    claire = make_facilitator()
    client.force_login(claire)
    page = client.get(url("moderation", room.slug)).content.decode()
    assert "Publicité" in page and "Spam spam" in page

    client.post(url("hide", room.slug, message.pk), {"reason": "Publicité"})
    client.post(url("mute", room.slug), {"user_id": bruno.pk, "minutes": 60, "reason": "Spam"})
    client.post(url("ban", room.slug), {"user_id": bruno.pk, "reason": "Spam encore"})
    message.refresh_from_db()
    member = Member.objects.get(user=bruno)
    assert message.status == Message.Status.HIDDEN
    assert member.is_muted() and member.is_banned
    assert list(ModerationAction.objects.values_list("kind", "reason").order_by("pk")) == [
        ("hide", "Publicité"),
        ("mute", "Spam"),
        ("ban", "Spam encore"),
    ]
    # Without a reason, nothing is done.
    response = client.post(url("unban", room.slug), {"user_id": bruno.pk}, follow=True)
    assert "Please say why" in response.content.decode()
    # The banned member no longer reads the room.
    client.force_login(bruno)
    assert client.get(url("room", room.slug)).status_code == 404


def test_ask_claim_talk_and_resolve_without_javascript(client):
    room = make_room()
    samira, karim = make_user("Samira"), make_ambassador("Karim")
    join(samira, room)
    client.force_login(samira)
    response = client.post(
        url("ask", room.slug), {"question": "Comment activer EduConnect ?", "is_private": "on"}
    )
    question = HelpRequest.objects.get()
    assert response["Location"] == url("help_request", room.slug, question.pk)
    assert question.is_private

    client.force_login(karim)
    assert "A private question" in client.get(url("room", room.slug)).content.decode()
    page = client.get(url("help_request", room.slug, question.pk)).content.decode()
    assert "I answer this question" in page
    client.post(url("claim", room.slug, question.pk))
    client.post(url("thread_post", room.slug, question.pk), {"text": "Reçu le courrier ?"})
    client.force_login(samira)
    page = client.get(url("help_request", room.slug, question.pk)).content.decode()
    assert "Reçu le courrier ?" in page
    client.post(url("resolve", room.slug, question.pk))
    page = client.get(url("help_request", room.slug, question.pk)).content.decode()
    assert reverse("ambassadors:mentoring_ask") + "?source=room" in page

    # Another parent sees neither the private question nor its thread.
    client.force_login(make_user("Claire"))
    assert client.get(url("help_request", room.slug, question.pk)).status_code == 404
    # The room's facilitator reads it, for safety.
    client.force_login(make_facilitator())
    page = client.get(url("help_request", room.slug, question.pk)).content.decode()
    assert "Reçu le courrier ?" in page


def test_going_on_duty_is_for_ambassadors(client):
    karim = make_ambassador("Karim")
    client.force_login(karim)
    client.post(url("duty"), {"on": "1"})
    room = make_room()
    assert services.on_duty_people(room) == [{"id": karim.pk, "name": "Karim"}]
    client.force_login(make_user())
    assert client.post(url("duty"), {"on": "1"}).status_code == 403


def test_the_unanswered_page_is_for_facilitators(client):
    client.force_login(make_user())
    assert client.get(url("unanswered")).status_code == 403
    client.force_login(make_facilitator())
    assert client.get(url("unanswered")).status_code == 200
