"""The editorial flow: editors publish; translations go live only translated, and go with their
original."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Locale, Page, Workflow
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from guides.models import GuidePage
from parents.models import User
from tests.guides.test_admin import edit_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    user = User.objects.create_user(email="redaction@example.org", password="x")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(editor):
    client = Client(HTTP_HOST="localhost")
    client.force_login(editor)
    return client


def test_an_editor_publishes_a_guide_from_the_admin(editor, editor_client, guide):
    assert guide.permissions_for_user(editor).can_publish()
    data = edit_data(guide, "<p>Ouvrez l’application Pronote.</p>")
    data["title"] = "Premiers pas sur Pronote, revu"
    data["action-publish"] = "action-publish"
    response = editor_client.post(f"/admin/pages/{guide.pk}/edit/", data)
    assert response.status_code == 302
    guide.refresh_from_db()
    assert guide.live and guide.title == "Premiers pas sur Pronote, revu"
    assert not guide.has_unpublished_changes


def test_review_is_optional_and_named_in_french(guide):
    # No page is under a workflow by default...
    assert guide.get_workflow() is None
    assert Page.get_first_root_node().get_workflow() is None
    # ...but the review step is there for a team that assigns it to a section.
    names = set(Workflow.objects.values_list("name", flat=True))
    assert "Moderators approval" not in names
    assert "Relecture avant publication" in names


def _send_for_translation(editor_client, guide, language):
    locale = Locale.objects.get(language_code=language)
    response = editor_client.post(
        f"/admin/localize/submit/page/{guide.pk}/", {"locales": [locale.pk]}
    )
    assert response.status_code == 302
    return GuidePage.objects.get(translation_key=guide.translation_key, locale=locale)


def _translate_everything(guide, language):
    locale = Locale.objects.get(language_code=language)
    translation = Translation.objects.get(
        source__object_id=guide.translation_key, target_locale=locale
    )
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": f"ترجمة {segment.string.data[:20]}"},
        )
    return translation


def test_a_page_sent_for_translation_is_a_draft(
    editor_client, guides, django_capture_on_commit_callbacks
):
    guide = guides["bulletin-en-ligne"]
    with django_capture_on_commit_callbacks(execute=True):
        arabic = _send_for_translation(editor_client, guide, "ar")
    arabic.refresh_from_db()
    assert not arabic.live
    # Readers keep the French page with the fallback notice meanwhile.
    assert Client(HTTP_HOST="localhost").get(arabic.url).status_code in (302, 404)


def test_an_untranslated_translation_is_not_published_a_translated_one_is(
    editor_client, guides, django_capture_on_commit_callbacks
):
    guide = guides["bulletin-en-ligne"]
    arabic = _send_for_translation(editor_client, guide, "ar")
    publish = {"action": "publish"}
    # wagtail-localize publishes after the commit.
    with django_capture_on_commit_callbacks(execute=True) as published:
        editor_client.post(f"/admin/pages/{arabic.pk}/edit/", publish)
    assert published
    arabic.refresh_from_db()
    assert not arabic.live  # French text under lang="ar": withdrawn

    _translate_everything(guide, "ar")
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(f"/admin/pages/{arabic.pk}/edit/", publish)
    assert response.status_code in (200, 302)  # the editor, not a superuser, may publish
    arabic.refresh_from_db()
    assert arabic.live


def test_unpublishing_the_original_unpublishes_its_translations(guides):
    guide = guides["premiers-pas-pronote"]  # live in French, English and Arabic
    translations = GuidePage.objects.filter(translation_key=guide.translation_key).exclude(
        pk=guide.pk
    )
    assert translations.live().count() == 2
    guide.unpublish()
    assert translations.live().count() == 0
