"""The authoring rules, as an editor meets them: errors in Wagtail's edit form."""

import pytest
from django.test import Client
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from parents.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(db):
    user = User.objects.create_superuser(email="redaction@example.org", password="x")
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def edit_data(guide, body: str) -> dict:
    return nested_form_data(
        {
            "title": guide.title,
            "slug": guide.slug,
            "promise": guide.promise,
            "audience": "all",
            "duration_minutes": 5,
            "level": "beginner",
            "what_you_need": "",
            "steps": streamfield(
                [
                    (
                        "step",
                        {
                            "title": "Ouvrir l’application",
                            "body": rich_text(body),
                            "image": {"image": "", "alt_text": "", "decorative": ""},
                            "callouts": streamfield([]),
                            "video": {"file": "", "captions": "", "transcript": ""},
                            "audio": {"file": "", "transcript": ""},
                        },
                    )
                ]
            ),
            "easy_read": streamfield([]),
            "related_guides": inline_formset([]),
            "comments": inline_formset([]),
        }
    )


def test_edit_form_opens(editor_client, guide):
    response = editor_client.get(f"/admin/pages/{guide.pk}/edit/")
    assert response.status_code == 200


def test_vague_link_text_is_refused_in_the_admin(editor_client, guide):
    data = edit_data(guide, '<p>Le formulaire est <a href="https://example.org/">ici</a>.</p>')
    response = editor_client.post(f"/admin/pages/{guide.pk}/edit/", data)
    assert response.status_code == 200  # the form again, with the error
    assert "steps" in response.context["form"].errors
    # The message is shown on the step's text (in the editor's language).
    assert "&quot;body&quot;: {&quot;messages&quot;: [" in response.content.decode()


def test_a_good_step_is_saved(editor_client, guide):
    data = edit_data(guide, "<p>Ouvrez l’application sur votre téléphone.</p>")
    response = editor_client.post(f"/admin/pages/{guide.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    guide.refresh_from_db()
    assert guide.get_latest_revision_as_object().steps[0].value["title"] == "Ouvrir l’application"


def test_wagtail_localize_translates_a_guide(editor_client, guides):
    """An editor asks for an English version: wagtail-localize makes a draft with the same steps."""
    from wagtail.models import Locale

    from guides.models import GuidePage

    guide = guides["bulletin-en-ligne"]
    english = Locale.objects.get(language_code="en")
    response = editor_client.get(f"/admin/localize/submit/page/{guide.pk}/")
    assert response.status_code == 200
    response = editor_client.post(
        f"/admin/localize/submit/page/{guide.pk}/", {"locales": [english.pk]}
    )
    assert response.status_code == 302
    translation = GuidePage.objects.get(translation_key=guide.translation_key, locale=english)
    assert translation.step_ids() == guide.step_ids()
    edit = editor_client.get(f"/admin/pages/{translation.pk}/edit/")
    assert edit.status_code == 200
