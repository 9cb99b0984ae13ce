"""The demo content of the path: every stage, several territories, mentorships, a revoked
badge; loading it again changes nothing."""

import pytest
from django.test import Client
from django.urls import reverse

from ambassadors.models import Badge, Mentorship, StageChange, Volunteer
from coeduc.demo.ambassadors import load_demo_ambassadors
from parents.models import User


def counts():
    return (
        User.objects.count(),
        Volunteer.objects.count(),
        StageChange.objects.count(),
        Badge.objects.count(),
        Mentorship.objects.count(),
    )


@pytest.fixture
def demo_path(shared_demo):
    load_demo_ambassadors()


def test_every_stage_in_several_territories(demo_path):
    active = Volunteer.objects.active()
    assert set(active.values_list("stage__slug", flat=True)) == {
        "volunteer",
        "in-training",
        "ambassador",
        "mentor",
    }
    assert active.values("territory").distinct().count() >= 3
    assert Mentorship.objects.active().count() >= 3
    deactivated = Volunteer.objects.get(deactivated_at__isnull=False)
    assert all(badge.is_revoked for badge in deactivated.badges.all())
    assert deactivated.badges.exists()
    assert not User.objects.filter(email="parent@demo.coeduc.fr", volunteer__isnull=False).exists()


def test_loading_again_changes_nothing(demo_path):
    before = counts()
    load_demo_ambassadors()
    assert counts() == before


def test_the_demo_facilitator_has_someone_to_validate(demo_path):
    client = Client(HTTP_HOST="localhost")
    client.force_login(User.objects.get(email="animatrice@demo.coeduc.fr"))
    queue = client.get(reverse("ambassadors:queue"))
    assert "Fatou" in [str(row[0].user) for row in queue.context["rows"]]
    directory = client.get(reverse("ambassadors:directory") + "?territory=02")
    assert {a.first_name for a in directory.context["page"]} >= {"Karim", "Sophie"}
    assert "@demo.coeduc.fr" not in directory.text


def test_guides_marked_as_training_count_without_any_configuration(demo_path):
    from django.apps import apps

    from ambassadors import criteria

    GuidePage = apps.get_model("guides", "GuidePage")
    if not GuidePage.objects.filter(is_training_guide=True).exists():
        pytest.skip("the demo guides have no training guide")
    parent = User.objects.get(email="parent@demo.coeduc.fr")
    karim = Volunteer.objects.get(user__email="karim@demo.coeduc.fr")
    rows = criteria.with_evidence(Volunteer.objects.filter(pk=karim.pk)).get()
    assert rows.training_guides == 1 and rows.workshops_attended == 2
    assert parent.guide_progress.filter(completed_at__isnull=False).exists()
