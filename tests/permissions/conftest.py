"""The matrix's world, built once per test module in a transaction rolled back at its end
(like `_demo_for_the_module`): each test runs in a savepoint, so an action a role was allowed
to take is undone before the next role tries it."""

import io
from datetime import timedelta

import pytest
from django.db import transaction
from django.test import override_settings

from ambassadors.models import Charter
from coeduc.demo.guides import load_demo_guides
from coeduc.management.commands.load_demo import Command
from core.vocabularies import Topic
from guides.models import GuideIndexPage, GuidePage
from observatory.models import ExportLog
from rooms.models import ModerationAction, WatchedWord
from tests.factories import make_room, make_workshop, stage
from tests.guides.conftest import make_guide
from workshops.models import WorkshopSeries

from .world import build_path, build_people, build_rooms, build_workshops

# allauth's pages reached by a plain GET (the others need a key, tried with a forged one).
ALLAUTH_NAMES = (
    "account_login",
    "account_logout",
    "account_inactive",
    "account_signup",
    "account_reauthenticate",
    "account_email",
    "account_email_verification_sent",
    "account_change_password",
    "account_set_password",
    "account_reset_password",
    "account_confirm_login_code",
    "account_verify_phone",
    "account_change_phone",
    "account_reset_password_from_key_done",
    "account_reset_password_done",
    "account_request_login_code",
)


@pytest.fixture(scope="session", autouse=True)
def voice_root(tmp_path_factory):
    """Voice messages' files (the world has two, the uploads add more) in a folder of the run's
    own, never in the checkout's var/private/voice."""
    with override_settings(ROOMS_VOICE_ROOT=tmp_path_factory.mktemp("voice")):
        yield


def build_world():
    w = build_people()
    build_rooms(w)
    build_workshops(w)
    build_path(w)
    w.fresh_room = make_room("salle-neuve", territory=w.x)  # nobody has accepted its rules
    w.past_workshop = make_workshop(
        venue=w.workshop.venue, organisation=w.org_a, starts_in=-timedelta(days=2)
    )
    w.topic = Topic.choices[0][0]
    w.next_stage = stage("in-training")
    Command(stdout=io.StringIO()).load_home_pages()
    load_demo_guides([make_guide("premiers-pas-pronote")])
    w.guide = GuidePage.objects.get(slug="premiers-pas-pronote", locale__language_code="fr")
    w.guide_step = w.guide.step_ids()[0]
    w.guide_path = _path(w.guide)
    w.guide_index = GuideIndexPage.objects.get(locale__language_code="fr")
    w.guide_index_path = _path(w.guide_index)
    w.allauth_names = ALLAUTH_NAMES
    # A row of each admin list that is empty so far.
    w.series = WorkshopSeries.objects.create(organisation=w.org_a, title="Pronote en 3 fois")
    w.charter = Charter.objects.get_or_create(version=1, defaults={"text": "Bienveillance."})[0]
    w.watched_word = WatchedWord.objects.create(word="arnaque", action=WatchedWord.Action.HOLD)
    w.moderation_action = ModerationAction.objects.create(
        room=w.room, actor=w.users["staff"], kind=ModerationAction.Kind.HIDE, message=w.hidden
    )
    w.export_log = ExportLog.objects.create(
        user=w.users["pilot"], role="pilot", territory=w.x, format="csv"
    )
    return w


def _path(page) -> str:
    """The page's path under the language prefix, as `wagtail_serve` takes it."""
    return page.get_url().split("/", 2)[2]


@pytest.fixture(scope="module")
def _world_for_the_module(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            world = build_world()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    try:
        yield world
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def world(_world_for_the_module, db):
    return _world_for_the_module
