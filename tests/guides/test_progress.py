"""Progress: kept by the browser for anonymous readers, on the server for signed-in parents,
merged at sign-in; completing a guide sends `guide_completed` once."""

import json

import pytest
from django.test import Client
from django.utils.crypto import get_random_string
from wagtail.models import Locale

from guides import services
from guides.events import guide_completed
from guides.models import GuideProgress

pytestmark = pytest.mark.django_db


def csrf_token(client: Client) -> str:
    """What a browser holds after any page with a form: the CSRF cookie, sent back as header."""
    token = get_random_string(32)
    client.cookies["csrftoken"] = token
    return token


def post_json(client: Client, url: str, data: dict, token: str | None = None):
    headers = {"X-CSRFToken": token} if token else {}
    return client.post(url, json.dumps(data), content_type="application/json", headers=headers)


@pytest.fixture
def completions():
    received = []

    def receiver(sender, **kwargs):
        received.append(kwargs)

    guide_completed.connect(receiver)
    yield received
    guide_completed.disconnect(receiver)


def test_anonymous_page_offers_browser_progress_only(client, guide):
    html = client.get("/fr/guides/pronote/premiers-pas-pronote/").content.decode()
    assert f'data-guide="{guide.translation_key}"' in html
    assert " ".join(guide.step_ids()) in html
    assert "data-progress-url" not in html


def test_anonymous_cannot_write_progress(client, guide):
    token = csrf_token(client)
    data = {"guide": str(guide.translation_key), "step": guide.step_ids()[0]}
    assert post_json(client, "/guides/progress/", data, token).status_code == 403
    assert not GuideProgress.objects.exists()


def test_signed_in_progress_is_stored_and_shown(parent_client, parent, guide):
    token = csrf_token(parent_client)
    step = guide.step_ids()[1]
    response = post_json(
        parent_client,
        "/guides/progress/",
        {"guide": str(guide.translation_key), "step": step},
        token,
    )
    assert response.status_code == 200
    assert response.json() == {"steps": [step], "completed": False}
    html = parent_client.get("/fr/guides/pronote/premiers-pas-pronote/").content.decode()
    assert f'data-step-done="{step}" checked' in html


def test_progress_needs_the_csrf_token(parent_client, guide):
    data = {"guide": str(guide.translation_key), "step": guide.step_ids()[0]}
    assert post_json(parent_client, "/guides/progress/", data).status_code == 403


def test_a_step_can_be_unmarked(parent, guide):
    step = guide.step_ids()[0]
    services.record_steps(parent, guide, [step])
    progress = services.record_steps(parent, guide, [step], done=False)
    assert progress.completed_steps == []


def test_progress_follows_the_parent_across_languages(parent, parent_client, guide):
    arabic = guide.get_translation(Locale.objects.get(language_code="ar")).specific
    services.record_steps(parent, arabic, [arabic.step_ids()[0]])
    progress = GuideProgress.objects.get()
    assert progress.page_id == guide.pk
    html = parent_client.get("/fr/guides/pronote/premiers-pas-pronote/").content.decode()
    assert f'data-step-done="{guide.step_ids()[0]}" checked' in html


def test_unknown_steps_are_ignored(parent, guide):
    progress = services.record_steps(parent, guide, ["not-a-step"])
    assert progress.completed_steps == []


def test_completing_a_guide_sends_guide_completed_once(
    parent, guide, completions, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for step in guide.step_ids():
            services.record_steps(parent, guide, [step])
        services.record_steps(parent, guide, guide.step_ids())
    assert len(completions) == 1
    assert completions[0]["user"] == parent
    assert completions[0]["page"].pk == guide.pk
    assert completions[0]["is_training_guide"] is False
    assert GuideProgress.objects.get().completed_at is not None


def test_merge_at_sign_in_adds_browser_progress(
    parent_client, parent, guides, completions, django_capture_on_commit_callbacks
):
    token = csrf_token(parent_client)
    first, second = guides["premiers-pas-pronote"], guides["bulletin-en-ligne"]
    services.record_steps(parent, first, [first.step_ids()[0]])
    kept_by_browser = {
        str(first.translation_key): [first.step_ids()[2], "forged"],
        str(second.translation_key): second.step_ids(),
        "00000000-0000-0000-0000-000000000000": ["x"],
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = post_json(
            parent_client, "/guides/progress/merge/", {"guides": kept_by_browser}, token
        )
    assert response.status_code == 200
    merged = response.json()["guides"]
    assert merged[str(first.translation_key)] == [first.step_ids()[0], first.step_ids()[2]]
    assert merged[str(second.translation_key)] == second.step_ids()
    assert [c["page"].pk for c in completions] == [second.pk]


def test_merge_refuses_anonymous_and_bad_bodies(client, parent_client, guide):
    token = csrf_token(client)
    assert post_json(client, "/guides/progress/merge/", {"guides": {}}, token).status_code == 403
    token = csrf_token(parent_client)
    response = parent_client.post(
        "/guides/progress/merge/",
        "nope",
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )
    assert response.status_code == 400


def test_home_page_offers_to_continue_where_you_stopped(parent_client, parent, guide):
    services.record_steps(parent, guide, [guide.step_ids()[0]])
    html = parent_client.get("/en/").content.decode()
    assert "Continue where you stopped" in html
    assert 'href="/en/guides/pronote/premiers-pas-pronote/#step-' in html


def test_home_page_links_to_the_guides(client, guides):
    html = client.get("/fr/").content.decode()
    assert 'href="/fr/guides/"' in html
    assert "data-continue" in html
