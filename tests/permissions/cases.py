"""What each row of the matrix asks: the request (URL, method, data) for the world of
`world.py`, and for actions the effect to look for in the database afterwards.

`answer_of` turns a response into the matrix's words (see `tables.LEGEND`).
"""

import contextlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, reverse

from ambassadors.models import Mentorship, Volunteer
from guides.models import GuideProgress
from observatory.models import ExportLog
from rooms.models import HelpRequest, Member, Message, OnDuty, Report
from tests.rooms import audio
from workshops import tokens
from workshops.models import Registration, Workshop

from .tables import ROLES


@dataclass
class Case:
    url: str
    method: str = "get"
    data: dict = field(default_factory=dict)
    # For an action: did it happen? Asked after the request (and required False when refused).
    effect: Callable[[], bool] | None = None
    content_type: str | None = None  # a download's, checked when it is given
    json: bool = False  # the body is sent as JSON


def get(name, *args, query="", **kwargs) -> Case:
    return Case(reverse(name, args=args) + query, **kwargs)


def post(name, *args, data=None, effect=None, **kwargs) -> Case:
    return Case(reverse(name, args=args), "post", data or {}, effect, **kwargs)


def recording() -> SimpleUploadedFile:
    """A fresh upload for each request (the client reads it to its end)."""
    return SimpleUploadedFile("voice.ogg", audio.ogg_opus(2), content_type="audio/ogg")


def status_is(obj, status) -> Callable[[], bool]:
    return lambda: type(obj).objects.filter(pk=obj.pk, status=status).exists()


def answer_of(response, case: Case):
    """The matrix's word for what happened."""
    location = response.get("Location", "")
    if response.status_code == 302 and ("/accounts/login/" in location or "/login/" in location):
        return "login"
    if response.status_code == 302 and location.rstrip("/").endswith("/admin"):
        return "deny"  # Wagtail's "permission denied": back to the admin home with a message
    if case.effect is not None and response.status_code in (200, 302):
        return "ok" if case.effect() else "no"
    return response.status_code


def views(w) -> dict[str, Case]:
    """Pages and actions of the site (every named URL outside the admin, and the pages)."""
    room, slug = w.room, w.room.slug
    token = tokens.make_token(w.registration)
    reason = {"reason": "Hors sujet"}
    return {
        "healthz": get("healthz"),
        "service_worker": get("service_worker"),
        "set_language": Case(reverse("set_language"), "post", {"language": "fr", "next": "/"}),
        "wagtail_serve#home": get("wagtail_serve", ""),
        "wagtail_serve#guides index": get("wagtail_serve", w.guide_index_path),
        "wagtail_serve#guide": get("wagtail_serve", w.guide_path),
        "wagtailcore_login": get("wagtailcore_login"),
        "wagtailcore_authenticate_with_password": get(
            "wagtailcore_authenticate_with_password", 999999, w.guide.pk
        ),
        "wagtaildocs_serve": get("wagtaildocs_serve", 999999, "none.pdf"),
        "wagtaildocs_authenticate_with_password": get(
            "wagtaildocs_authenticate_with_password", 999999
        ),
        "guides:mark_step": post(
            "guides:mark_step",
            data={"guide": str(w.guide.translation_key), "step": w.guide_step},
            json=True,
            effect=lambda: GuideProgress.objects.filter(page=w.guide).exists(),
        ),
        "guides:merge": post(
            "guides:merge",
            data={"guides": {str(w.guide.translation_key): [w.guide_step]}},
            json=True,
            effect=lambda: GuideProgress.objects.filter(page=w.guide).exists(),
        ),
        # A recording that is not there (tests/guides/test_recordings.py: served to all from
        # a public collection, never from a private one).
        "guides:recording": get("guides:recording", 999999),
        # Accounts (allauth): what a signed-in person or a visitor gets.
        **{name: get(name) for name in w.allauth_names},
        "account_reset_password_from_key": get(
            "account_reset_password_from_key", "1", "forged-key"
        ),
        "parents:account": get("parents:account"),
        "parents:export": get("parents:export"),
        "parents:delete": get("parents:delete"),
        "about:privacy": get("about:privacy"),
        "about:legal": get("about:legal"),
        "about:accessibility": get("about:accessibility"),
        "about:contact": get("about:contact"),
        # Workshops: public pages, a family's signed links, the facilitators' pages.
        "workshops:list": get("workshops:list"),
        "workshops:detail": get("workshops:detail", w.workshop.pk),
        "workshops:calendar": get("workshops:calendar", w.workshop.pk),
        "workshops:mine": get("workshops:mine"),
        "workshops:lost_link": get("workshops:lost_link"),
        "workshops:manage": get("workshops:manage", token),
        "workshops:manage#forged": get("workshops:manage", "1.2:forged"),
        "workshops:confirmation": get("workshops:confirmation", token),
        "workshops:cancel": get("workshops:cancel", token),
        "workshops:registration_calendar": get("workshops:registration_calendar", token),
        "workshops:registration_qr": get("workshops:registration_qr", token),
        "workshops:my_data": get("workshops:my_data", token),
        "workshops:my_data#forged": get("workshops:my_data", "1.2:forged"),
        "workshops:manage_list": get("workshops:manage_list"),
        "workshops:manage_series_create": get("workshops:manage_series_create"),
        "workshops:check_in_by_code": post(
            "workshops:check_in_by_code",
            tokens.make_checkin_token(w.registration),
            effect=lambda: Registration.objects.filter(
                pk=w.registration.pk, attended=True
            ).exists(),
        ),
        "workshops:manage_workshop": get("workshops:manage_workshop", w.workshop.pk),
        "workshops:manage_message": get("workshops:manage_message", w.workshop.pk),
        "workshops:manage_check_in": get("workshops:manage_check_in", w.workshop.pk),
        "workshops:manage_walk_in": get("workshops:manage_walk_in", w.workshop.pk),
        "workshops:manage_check_in_one": post(
            "workshops:manage_check_in_one",
            w.workshop.pk,
            w.registration.pk,
            data={"present": "1"},
            effect=lambda: Registration.objects.filter(
                pk=w.registration.pk, attended=True
            ).exists(),
        ),
        "workshops:manage_close": post(
            "workshops:manage_close",
            w.past_workshop.pk,
            effect=status_is(w.past_workshop, Workshop.Status.CLOSED),
        ),
        "workshops:manage_cancel": post(
            "workshops:manage_cancel",
            w.workshop.pk,
            effect=status_is(w.workshop, Workshop.Status.CANCELLED),
        ),
        # The ambassador path.
        "ambassadors:path": get("ambassadors:path"),
        "ambassadors:apply": get("ambassadors:apply"),
        "ambassadors:charter": get("ambassadors:charter"),
        "ambassadors:ask_again": post("ambassadors:ask_again"),
        "ambassadors:directory": get("ambassadors:directory"),
        "ambassadors:directory_opt": post("ambassadors:directory_opt", data={"listed": "1"}),
        "ambassadors:mentoring": get("ambassadors:mentoring"),
        "ambassadors:mentoring_ask": get("ambassadors:mentoring_ask"),
        "ambassadors:mentorship": get("ambassadors:mentorship", w.requested.pk),
        "ambassadors:mentoring_accept": post(
            "ambassadors:mentoring_accept",
            w.requested.pk,
            effect=status_is(w.requested, Mentorship.Status.ACTIVE),
        ),
        "ambassadors:mentoring_decline": post(
            "ambassadors:mentoring_decline",
            w.requested.pk,
            effect=status_is(w.requested, Mentorship.Status.DECLINED),
        ),
        "ambassadors:mentoring_close": post(
            "ambassadors:mentoring_close",
            w.active.pk,
            effect=status_is(w.active, Mentorship.Status.CLOSED),
        ),
        "ambassadors:mentoring_log": post(
            "ambassadors:mentoring_log",
            w.active.pk,
            data={"date": "2025-01-15", "duration_minutes": "30", "topics": [w.topic]},
            effect=lambda: w.active.sessions.exists(),
        ),
        "ambassadors:mentoring_helped": post(
            "ambassadors:mentoring_helped",
            w.closed.pk,
            data={"helped": "yes"},
            effect=lambda: Mentorship.objects.filter(pk=w.closed.pk, helped=True).exists(),
        ),
        "ambassadors:queue": get("ambassadors:queue"),
        "ambassadors:volunteer": get("ambassadors:volunteer", w.volunteer.pk),
        "ambassadors:decide": post(
            "ambassadors:decide",
            w.volunteer.pk,
            data={"decision": "more", "to_stage": w.next_stage.pk, "message": "Encore un atelier"},
            effect=lambda: w.volunteer.reviews.exists(),
        ),
        "ambassadors:deactivate": post(
            "ambassadors:deactivate",
            w.volunteer.pk,
            data={"reason": "Départ"},
            effect=lambda: Volunteer.objects.filter(
                pk=w.volunteer.pk, deactivated_at__isnull=False
            ).exists(),
        ),
        "ambassadors:keep": post(
            "ambassadors:keep",
            w.ambassador.pk,
            effect=lambda: w.ambassador.reviews.filter(decision="kept").exists(),
        ),
        "ambassadors:assign": get("ambassadors:assign", w.unassigned.pk),
        "ambassadors:badge": get("ambassadors:badge", w.badge.public_id),
        "ambassadors:badge_json": get("ambassadors:badge_json", w.badge.public_id),
        "ambassadors:badge_jwt": get("ambassadors:badge_jwt", w.badge.public_id),
        "ambassadors:badge_status": get("ambassadors:badge_status", w.badge.public_id),
        "ambassadors:certificate": get("ambassadors:certificate", w.badge.public_id),
        "ambassadors:issuer": get("ambassadors:issuer", w.org_a.pk),
        "ambassadors:issuer_status_list": get("ambassadors:issuer_status_list", w.org_a.pk),
        "ambassadors:achievement": get("ambassadors:achievement", "ambassador"),
        # Help rooms (room X) and their moderation.
        "rooms:index": get("rooms:index"),
        "rooms:duty": post("rooms:duty", data={"on": "1"}, effect=lambda: OnDuty.objects.exists()),
        "rooms:unanswered": get("rooms:unanswered"),
        "rooms:room": get("rooms:room", slug),
        "rooms:accept_rules": post(
            "rooms:accept_rules",
            w.fresh_room.slug,
            effect=lambda: Member.objects.filter(
                room=w.fresh_room, rules_accepted_at__isnull=False
            ).exists(),
        ),
        "rooms:post": post(
            "rooms:post",
            slug,
            data={"text": "Bonjour"},
            effect=lambda: Message.objects.filter(room=room, text="Bonjour").exists(),
        ),
        "rooms:voice_post": post(
            "rooms:voice_post",
            slug,
            data={"audio": recording(), "note": "Un message vocal"},
            effect=lambda: (
                Message.objects.filter(room=room, text="Un message vocal")
                .exclude(voice="")
                .exists()
            ),
        ),
        "rooms:voice": get("rooms:voice", slug, w.voice_message.pk),
        "rooms:voice#private thread": get("rooms:voice", slug, w.thread_voice.pk),
        "rooms:report": post(
            "rooms:report",
            slug,
            w.to_report.pk,
            data=reason,
            effect=lambda: Report.objects.filter(message=w.to_report).exists(),
        ),
        "rooms:ask": post(
            "rooms:ask",
            slug,
            data={"question": "Où est le cahier de textes ?"},
            effect=lambda: HelpRequest.objects.filter(question__startswith="Où est").exists(),
        ),
        "rooms:ask_voice": post(
            "rooms:ask_voice",
            slug,
            data={"audio": recording(), "note": "Une question à l'oral"},
            effect=lambda: (
                HelpRequest.objects.filter(question="Une question à l'oral")
                .exclude(voice="")
                .exists()
            ),
        ),
        "rooms:question_voice": get("rooms:question_voice", slug, w.open_request.pk),
        "rooms:question_voice#private, taken": get("rooms:question_voice", slug, w.thread.pk),
        "rooms:help_request": get("rooms:help_request", slug, w.open_request.pk),
        "rooms:help_request#private, taken": get("rooms:help_request", slug, w.thread.pk),
        "rooms:claim": post(
            "rooms:claim",
            slug,
            w.open_request.pk,
            effect=status_is(w.open_request, HelpRequest.Status.CLAIMED),
        ),
        "rooms:thread_post": post(
            "rooms:thread_post",
            slug,
            w.thread.pk,
            data={"text": "Voici"},
            effect=lambda: Message.objects.filter(help_request=w.thread, text="Voici").exists(),
        ),
        "rooms:thread_voice_post": post(
            "rooms:thread_voice_post",
            slug,
            w.thread.pk,
            data={"audio": recording(), "note": "Réponse vocale"},
            effect=lambda: (
                Message.objects.filter(help_request=w.thread, text="Réponse vocale")
                .exclude(voice="")
                .exists()
            ),
        ),
        "rooms:resolve": post(
            "rooms:resolve",
            slug,
            w.thread.pk,
            effect=status_is(w.thread, HelpRequest.Status.RESOLVED),
        ),
        "rooms:moderation": get("rooms:moderation", slug),
        "rooms:moderation#the ambassador's room": get("rooms:moderation", w.moderated_room.slug),
        "rooms:mute": post(
            "rooms:mute",
            slug,
            data={"user_id": w.nadia.pk, "minutes": "15", **reason},
            effect=lambda: Member.objects.get(room=room, user=w.nadia).is_muted(),
        ),
        "rooms:ban": post(
            "rooms:ban",
            slug,
            data={"user_id": w.carla.pk, **reason},
            effect=lambda: Member.objects.get(room=room, user=w.carla).is_banned,
        ),
        "rooms:unban": post(
            "rooms:unban",
            slug,
            data={"user_id": w.bruno.pk, **reason},
            effect=lambda: not Member.objects.get(room=room, user=w.bruno).is_banned,
        ),
        "rooms:slow_mode": post(
            "rooms:slow_mode",
            slug,
            data={"seconds": "30", **reason},
            effect=lambda: type(room).objects.get(pk=room.pk).slow_mode_seconds == 30,
        ),
        "rooms:hide": post(
            "rooms:hide",
            slug,
            w.message.pk,
            data=reason,
            effect=status_is(w.message, Message.Status.HIDDEN),
        ),
        "rooms:hide#the ambassador's room": post(
            "rooms:hide",
            w.moderated_room.slug,
            w.moderated_message.pk,
            data=reason,
            effect=status_is(w.moderated_message, Message.Status.HIDDEN),
        ),
        "rooms:restore": post(
            "rooms:restore",
            slug,
            w.hidden.pk,
            data=reason,
            effect=status_is(w.hidden, Message.Status.VISIBLE),
        ),
        "rooms:release": post(
            "rooms:release",
            slug,
            w.held.pk,
            data=reason,
            effect=status_is(w.held, Message.Status.VISIBLE),
        ),
        "rooms:reject": post(
            "rooms:reject",
            slug,
            w.held.pk,
            data=reason,
            effect=lambda: (
                not Message.objects.filter(pk=w.held.pk, status=Message.Status.HELD).exists()
            ),
        ),
        "rooms:dismiss": post(
            "rooms:dismiss",
            slug,
            w.report.pk,
            data=reason,
            effect=lambda: Report.objects.filter(pk=w.report.pk, handled_at__isnull=False).exists(),
        ),
        # The observatory's pages (its downloads are in `exports`).
        "observatory:index": get("observatory:index"),
        "observatory:territory": get("observatory:territory", w.x.code),
        "observatory:territory#unknown": get("observatory:territory", "ZZ"),
    }


def encode(case: Case) -> tuple[dict, dict]:
    """(the client's positional data, its keyword arguments) for this case."""
    if case.json:
        return json.dumps(case.data), {"content_type": "application/json"}
    return case.data, {}


def admin_samples(w) -> dict[str, object]:
    """A row of each of the project's admin viewsets (by URL namespace), of organisation A or
    territory X where it has one."""
    return {
        "territory": w.x,
        "organisation": w.org_a,
        "organisationmembership": w.users["facilitator"].memberships.get(),
        "territorypilot": w.users["pilot"].pilot_roles.get(),
        "workshop": w.workshop,
        "workshopseries": w.series,
        "venue": w.workshop.venue,
        "registration": w.registration,
        "ambassador_stages": w.next_stage,
        "ambassador_charters": w.charter,
        "help_rooms": w.room,
        "watched_words": w.watched_word,
        "moderation_log": w.moderation_action,
        "figure_exports": w.export_log,
        "wagtailusers_users": w.users["parent"],
    }


def admin(w) -> dict[str, Case]:
    """The admin's pages: Wagtail's own that matter here, every view of the project's viewsets
    (`namespace:view`), and Django's admin."""
    cases = {
        "wagtailadmin_home": get("wagtailadmin_home"),
        "wagtailadmin_explore_root": get("wagtailadmin_explore_root"),
        "wagtailadmin_explore#guides index": get("wagtailadmin_explore", w.guide_index.pk),
        "wagtailadmin_pages:edit#guide": get("wagtailadmin_pages:edit", w.guide.pk),
        "wagtailadmin_pages:add_subpage#guides index": get(
            "wagtailadmin_pages:add_subpage", w.guide_index.pk
        ),
        "wagtailadmin_reports:site_history": get("wagtailadmin_reports:site_history"),
        "wagtailusers_groups:index": get("wagtailusers_groups:index"),
        "wagtailimages:index": get("wagtailimages:index"),
        "wagtaildocs:index": get("wagtaildocs:index"),
        "wagtailsites:index": get("wagtailsites:index"),
        "wagtaillocales:index": get("wagtaillocales:index"),
        "admin:index": get("admin:index"),
        "admin:parents_user_changelist": get("admin:parents_user_changelist"),
    }
    for namespace, sample in admin_samples(w).items():
        cases[f"{namespace}:index"] = get(f"{namespace}:index")
        cases[f"{namespace}:add"] = get(f"{namespace}:add")
        for view in ("edit", "delete", "inspect"):
            with contextlib.suppress(NoReverseMatch):  # a viewset without an inspect view
                cases[f"{namespace}:{view}"] = get(f"{namespace}:{view}", sample.pk)
    return cases


def exports(w) -> dict[str, Case]:
    """Every download of personal data or figures."""
    csv, xlsx = "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    logs = ExportLog.objects.count()  # before the request: each export is logged
    logged = {"effect": lambda: ExportLog.objects.count() > logs}
    return {
        "observatory:export#csv": Case(
            reverse("observatory:export", args=[w.x.code, "csv"]), content_type=csv, **logged
        ),
        "observatory:export#xlsx": Case(
            reverse("observatory:export", args=[w.x.code, "xlsx"]), content_type=xlsx, **logged
        ),
        "parents:export#json": get(
            "parents:export", query="?format=json", content_type="application/json"
        ),
        "workshops:my_data#json": get(
            "workshops:my_data",
            tokens.make_token(w.registration),
            query="?format=json",
            content_type="application/json",
        ),
        "workshops:manage_csv": get("workshops:manage_csv", w.workshop.pk, content_type=csv),
        "workshops:manage_xlsx": get("workshops:manage_xlsx", w.workshop.pk, content_type=xlsx),
        "workshops:manage_sheet": get("workshops:manage_sheet", w.workshop.pk),
    }


def check(client, world, role: str, case: Case, expected) -> None:
    """Ask as `role`; the answer must be `expected`, and a refused action must change nothing."""
    if role != "anonymous":
        client.force_login(world.users[role])
    data, options = encode(case)
    response = getattr(client, case.method)(case.url, data, **options)
    found = answer_of(response, case)
    assert found == expected, (case.url, role, response.status_code, response.get("Location"))
    if case.effect is not None and expected != "ok":
        assert not case.effect(), (case.url, role, "refused, yet the action was done")
    if case.content_type and response.status_code == 200:
        assert response["Content-Type"].startswith(case.content_type), response["Content-Type"]


def cells(table: dict) -> list[tuple[str, str]]:
    """(row, role) for every cell of a table, for pytest's parametrize."""
    return [(row, role) for row in table for role in ROLES]
