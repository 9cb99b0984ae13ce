"""The criteria engine and the rules of moving on: evidence from real rows, all/any, one
stage at a time, exceptions only with a reason, nobody validates themselves or outside."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from ambassadors import criteria, services
from ambassadors.models import Criterion, Stage, StageChange, Volunteer
from ambassadors.services import NotAllowed, PathError
from tests.factories import (
    attend,
    complete_guide,
    make_facilitator,
    make_organisation,
    make_territory,
    make_user,
    make_volunteer,
    stage,
)

pytestmark = pytest.mark.django_db


def annotated(volunteer):
    return criteria.with_evidence(Volunteer.objects.filter(pk=volunteer.pk)).get()


def results_for(volunteer, slug):
    return {r.criterion.kind: r for r in criteria.evaluate(annotated(volunteer), stage(slug))}


def test_evidence_is_counted_from_attendance_and_guide_progress_rows(aisne, guides):
    volunteer = make_volunteer(territory=aisne, at="in-training")
    attend(volunteer.user, 2)
    attend(volunteer.user, 1, attended=False)  # signed up, did not come: not evidence
    complete_guide(volunteer.user, guides[0])
    complete_guide(volunteer.user, guides[1], completed=False)  # half done: not evidence

    row = annotated(volunteer)
    assert row.workshops_attended == 2
    assert row.charter_signed is False
    results = results_for(volunteer, "ambassador")
    assert (results["workshops_attended"].value, results["training_guides"].value) == (2, 1)
    assert results["workshops_attended"].met and results["training_guides"].met
    assert not results["charter_signed"].met
    assert not results["validation"].met


def test_other_peoples_rows_do_not_count(aisne, guides):
    volunteer = make_volunteer(territory=aisne)
    someone_else = make_user()
    attend(someone_else, 3)
    complete_guide(someone_else, guides[0])
    results = results_for(volunteer, "ambassador")
    assert (results["workshops_attended"].value, results["training_guides"].value) == (0, 0)


def test_signing_the_current_charter_counts_and_a_new_version_asks_again(aisne):
    volunteer = make_volunteer(territory=aisne, at="in-training")
    services.sign_charter(volunteer.user)
    assert annotated(volunteer).charter_signed is True
    services.publish_charter("Version 2 de la charte.")
    assert annotated(volunteer).charter_signed is False
    services.sign_charter(volunteer.user)
    assert annotated(volunteer).charter_signed is True


def test_all_needs_every_criterion_and_any_needs_one(aisne, guides):
    in_training = stage("in-training")  # seeded with "any": a workshop or a training guide
    assert in_training.combine == Stage.Combine.ANY
    only_guide = make_volunteer(territory=aisne)
    complete_guide(only_guide.user, guides[0])
    make_volunteer(territory=aisne)  # nothing done yet
    stages = criteria.load_stages()
    ready = criteria.ready_for_next_stage(
        criteria.with_evidence(Volunteer.objects.all(), stages), stages
    )
    assert set(ready.values_list("pk", flat=True)) == {only_guide.pk}

    in_training.combine = Stage.Combine.ALL
    in_training.save()
    stages = criteria.load_stages()
    ready = criteria.ready_for_next_stage(
        criteria.with_evidence(Volunteer.objects.all(), stages), stages
    )
    assert not ready.exists()
    attend(only_guide.user)
    assert set(ready.values_list("pk", flat=True)) == {only_guide.pk}
    assert criteria.evidence_met(stages[1], criteria.evaluate(annotated(only_guide), stages[1]))


def test_days_at_the_previous_stage(aisne):
    mentor = stage("mentor")
    days = next(c for c in mentor.criteria.all() if c.kind == Criterion.Kind.DAYS_AT_STAGE)
    recent = make_volunteer(territory=aisne, at="ambassador")
    older = make_volunteer(
        territory=aisne,
        at="ambassador",
        since=timezone.now() - timedelta(days=days.threshold + 1),
    )
    assert not results_for(recent, "mentor")["days_at_stage"].met
    assert results_for(older, "mentor")["days_at_stage"].met


def test_automatic_stage_follows_attendance_without_a_facilitator(
    aisne, django_capture_on_commit_callbacks
):
    volunteer = make_volunteer(territory=aisne)
    with django_capture_on_commit_callbacks(execute=True):
        attend(volunteer.user)
    volunteer.refresh_from_db()
    assert volunteer.stage.slug == "in-training"
    change = volunteer.history.order_by("-pk").first()
    assert change.kind == StageChange.Kind.AUTOMATIC and change.actor is None
    assert change.from_stage.slug == "volunteer"
    # The validated stage never comes on its own.
    with django_capture_on_commit_callbacks(execute=True):
        attend(volunteer.user, 3)
    services.advance_automatically()
    volunteer.refresh_from_db()
    assert volunteer.stage.slug == "in-training"


def ready_ambassador(territory, guides):
    volunteer = make_volunteer(territory=territory, at="in-training")
    attend(volunteer.user, 2)
    complete_guide(volunteer.user, guides[0])
    services.sign_charter(volunteer.user)
    return volunteer


def test_facilitator_validates_to_the_next_stage_with_history(aisne, guides, facilitator):
    volunteer = ready_ambassador(aisne, guides)
    change = services.approve(
        facilitator, volunteer, to_stage=stage("ambassador"), comment="Bravo !"
    )
    volunteer.refresh_from_db()
    assert volunteer.stage.slug == "ambassador"
    assert volunteer.organisation.name == "Ligue de l'Enseignement"
    assert (change.kind, change.actor, change.reason) == ("validation", facilitator, "Bravo !")
    assert (change.from_stage.slug, change.to_stage.slug) == ("in-training", "ambassador")
    assert {item["kind"] for item in change.evidence if item["met"]} >= {
        "workshops_attended",
        "training_guides",
        "charter_signed",
        "validation",
    }
    assert volunteer.badges.get().stage.slug == "ambassador"


def test_a_stage_cannot_be_skipped(aisne, guides, facilitator):
    volunteer = make_volunteer(territory=aisne)
    with pytest.raises(PathError):
        services.approve(facilitator, volunteer, to_stage=stage("ambassador"), override_reason="x")
    ready = ready_ambassador(aisne, guides)
    with pytest.raises(PathError):
        services.approve(facilitator, ready, to_stage=stage("mentor"), override_reason="x")
    ready.refresh_from_db()
    assert ready.stage.slug == "in-training"


def test_missing_evidence_needs_a_written_reason(aisne, facilitator):
    volunteer = make_volunteer(territory=aisne, at="in-training")
    with pytest.raises(PathError):
        services.approve(facilitator, volunteer, to_stage=stage("ambassador"))
    with pytest.raises(PathError):
        services.approve(
            facilitator, volunteer, to_stage=stage("ambassador"), override_reason="   "
        )
    change = services.approve(
        facilitator,
        volunteer,
        to_stage=stage("ambassador"),
        override_reason="Formée en présentiel avant l'ouverture de Coéduc.",
    )
    assert change.kind == StageChange.Kind.OVERRIDE
    assert "avant l'ouverture" in change.reason


def test_nobody_validates_themselves(aisne, guides, ligue):
    facilitator = make_facilitator(ligue)
    volunteer = ready_ambassador(aisne, guides)
    volunteer.user = facilitator
    Volunteer.objects.filter(pk=volunteer.pk).update(user=facilitator)
    volunteer.refresh_from_db()
    with pytest.raises(NotAllowed):
        services.approve(facilitator, volunteer, to_stage=stage("ambassador"))
    with pytest.raises(NotAllowed):
        services.review(facilitator, volunteer, decision="declined", message="Non.")


def test_nobody_validates_outside_their_organisation_or_territory(aisne, guides):
    volunteer = ready_ambassador(aisne, guides)
    elsewhere = make_facilitator(make_organisation("La petite poussée", ("38",)))
    with pytest.raises(NotAllowed):
        services.approve(elsewhere, volunteer, to_stage=stage("ambassador"))
    with pytest.raises(NotAllowed):
        services.deactivate(elsewhere, volunteer, reason="Hors champ")
    # Once accompanied by an organisation, another organisation of the same territory is out.
    accompanying = make_facilitator(make_organisation("Ligue", ("02",)))
    services.approve(accompanying, volunteer, to_stage=stage("ambassador"))
    same_territory = make_facilitator(make_organisation("DSDEN de l'Aisne", ("02",)))
    with pytest.raises(NotAllowed):
        services.deactivate(same_territory, volunteer, reason="Hors champ")
    assert not services.permissions.in_scope(make_user(), volunteer)


def test_a_parent_is_not_a_facilitator(aisne, guides):
    volunteer = ready_ambassador(aisne, guides)
    with pytest.raises(NotAllowed):
        services.approve(make_user(), volunteer, to_stage=stage("ambassador"))


def test_ask_for_more_and_decline_need_a_message_and_keep_the_stage(aisne, guides, facilitator):
    volunteer = ready_ambassador(aisne, guides)
    with pytest.raises(PathError):
        services.review(facilitator, volunteer, decision="more", message="")
    services.review(facilitator, volunteer, decision="more", message="Venez à un atelier.")
    volunteer.refresh_from_db()
    assert (volunteer.stage.slug, volunteer.review_state) == ("in-training", "more")
    services.ask_again(volunteer)
    services.review(facilitator, volunteer, decision="declined", message="Pas encore.")
    volunteer.refresh_from_db()
    assert volunteer.review_state == "declined"
    assert list(volunteer.reviews.values_list("decision", flat=True)) == ["more", "declined"]


def test_the_history_is_append_only(aisne, facilitator):
    volunteer = make_volunteer(territory=aisne, at="in-training")
    change = services.approve(
        facilitator, volunteer, to_stage=stage("ambassador"), override_reason="Exception"
    )
    change.reason = "rewritten"
    with pytest.raises(PermissionDenied):
        change.save()
    with pytest.raises(PermissionDenied):
        change.delete()
    with pytest.raises(PermissionDenied):
        StageChange.objects.filter(pk=change.pk).update(reason="rewritten")
    with pytest.raises(PermissionDenied):
        StageChange.objects.filter(pk=change.pk).delete()
    assert StageChange.objects.get(pk=change.pk).reason == "Exception"


def test_deactivation_needs_a_reason_and_revokes_badges(aisne, guides, facilitator):
    volunteer = ready_ambassador(aisne, guides)
    services.approve(facilitator, volunteer, to_stage=stage("ambassador"))
    with pytest.raises(PathError):
        services.deactivate(facilitator, volunteer, reason="")
    services.deactivate(facilitator, volunteer, reason="A déménagé.")
    volunteer.refresh_from_db()
    assert not volunteer.is_active
    assert volunteer.badges.get().is_revoked
    last = volunteer.history.order_by("-pk").first()
    assert (last.kind, last.reason, last.to_stage) == ("deactivation", "A déménagé.", None)


def test_territory_fixture_codes_are_distinct():
    # Guard for the factories: a second territory gets its own row.
    assert make_territory("38", "Isère").pk != make_territory("02", "Aisne").pk


def test_a_completed_training_guide_moves_the_volunteer_on(
    aisne, guides, django_capture_on_commit_callbacks
):
    from guides.events import guide_completed

    volunteer = make_volunteer(territory=aisne)
    with django_capture_on_commit_callbacks(execute=True):
        progress = complete_guide(volunteer.user, guides[0])
        guide_completed.send(
            sender=None,
            user=volunteer.user,
            page=guides[0],
            progress=progress,
            is_training_guide=True,
        )
    volunteer.refresh_from_db()
    assert volunteer.stage.slug == "in-training"


def test_deleting_an_account_erases_its_path_despite_the_append_only_history(aisne, facilitator):
    volunteer = make_volunteer(territory=aisne, at="in-training")
    services.approve(facilitator, volunteer, to_stage=stage("ambassador"), override_reason="x")
    user = volunteer.user
    user.delete()
    assert not Volunteer.objects.filter(pk=volunteer.pk).exists()
    assert not StageChange.objects.filter(volunteer_id=volunteer.pk).exists()
    # The facilitator's own account going away keeps the others' history (actor emptied).
    other = make_volunteer(territory=aisne, at="in-training")
    services.approve(facilitator, other, to_stage=stage("ambassador"), override_reason="y")
    facilitator.delete()
    assert other.history.filter(actor__isnull=True, kind="override").exists()
