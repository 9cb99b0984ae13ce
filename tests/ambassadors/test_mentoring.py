"""Mentoring: ask, accept or decline, log sessions, close, "did it help?"; private notes."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ambassadors import mentoring, services
from ambassadors.models import Mentorship
from ambassadors.services import PathError
from tests.factories import make_facilitator, make_organisation, make_user, make_volunteer

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


@pytest.fixture
def ambassador(aisne, ligue):
    return make_volunteer(territory=aisne, at="ambassador", in_directory=True, organisation=ligue)


def test_request_accept_log_close_and_did_it_help(aisne, ambassador, facilitator):
    family = make_user("Kévin", territory=aisne)
    family_client = client_for(family)
    asked = family_client.post(
        reverse("ambassadors:mentoring_ask") + f"?ambassador={ambassador.pk}",
        {"topic": "pronote", "message": "Je ne trouve pas les notes.", "territory": aisne.pk},
    )
    assert asked.status_code == 302
    mentorship = Mentorship.objects.get(family=family)
    assert (mentorship.ambassador, mentorship.status) == (ambassador, "requested")

    ambassador_client = client_for(ambassador.user)
    ambassador_client.post(reverse("ambassadors:mentoring_accept", args=[mentorship.pk]))
    mentorship.refresh_from_db()
    assert mentorship.status == "active"

    logged = ambassador_client.post(
        reverse("ambassadors:mentoring_log", args=[mentorship.pk]),
        {
            "date": timezone.localdate().isoformat(),
            "duration_minutes": 45,
            "topics": ["pronote", "ent"],
            "private_note": "<b>Fils</b> en 4e<script>x</script>, revoir l'appli.",
        },
    )
    assert logged.status_code == 302
    session = mentorship.sessions.get()
    assert session.duration_minutes == 45 and "<" not in session.private_note
    assert "Fils en 4e" in session.private_note

    ambassador_client.post(reverse("ambassadors:mentoring_close", args=[mentorship.pk]))
    mentorship.refresh_from_db()
    assert mentorship.status == "closed" and mentorship.helped is None
    page = family_client.get(reverse("ambassadors:mentorship", args=[mentorship.pk]))
    assert 'name="helped" value="yes"' in page.text
    family_client.post(
        reverse("ambassadors:mentoring_helped", args=[mentorship.pk]), {"helped": "yes"}
    )
    mentorship.refresh_from_db()
    assert mentorship.helped is True
    # Only the family answers.
    ambassador_client.post(
        reverse("ambassadors:mentoring_helped", args=[mentorship.pk]), {"helped": "no"}
    )
    mentorship.refresh_from_db()
    assert mentorship.helped is True


def test_private_notes_are_seen_by_the_ambassador_and_facilitators_in_scope_only(
    aisne, ambassador, facilitator
):
    family = make_user("Nadia", territory=aisne)
    mentorship = mentoring.request_mentoring(
        family, territory=aisne, topic="ent", ambassador=ambassador
    )
    mentoring.accept_mentorship(ambassador.user, mentorship)
    mentoring.log_session(
        ambassador.user,
        mentorship,
        date=timezone.localdate(),
        duration_minutes=30,
        topics=["ent"],
        private_note="NOTE-SECRETE",
    )
    url = reverse("ambassadors:mentorship", args=[mentorship.pk])
    assert "NOTE-SECRETE" in client_for(ambassador.user).get(url).text
    assert "NOTE-SECRETE" in client_for(facilitator).get(url).text

    family_page = client_for(family).get(url)
    assert family_page.status_code == 200 and "NOTE-SECRETE" not in family_page.text
    other_ambassador = make_volunteer(territory=aisne, at="ambassador")
    assert client_for(other_ambassador.user).get(url).status_code == 404
    assert client_for(make_user(territory=aisne)).get(url).status_code == 404
    outside = make_facilitator(make_organisation("La petite poussée", ("38",)))
    assert client_for(outside).get(url).status_code == 404
    # Nobody else can log a session either.
    response = client_for(other_ambassador.user).post(
        reverse("ambassadors:mentoring_log", args=[mentorship.pk]),
        {"date": "2026-01-01", "duration_minutes": 10, "topics": ["ent"]},
    )
    assert response.status_code == 404
    assert mentorship.sessions.count() == 1


def test_decline_and_limit_of_active_mentorships(aisne, ambassador):
    families = [
        make_user(f"Famille {i}", territory=aisne)
        for i in range(mentoring.MAX_ACTIVE_MENTORSHIPS + 2)
    ]
    requests = [
        mentoring.request_mentoring(f, territory=aisne, topic="ent", ambassador=ambassador)
        for f in families
    ]
    mentoring.decline_mentorship(ambassador.user, requests[0])
    assert Mentorship.objects.get(pk=requests[0].pk).status == "declined"
    for mentorship in requests[1 : mentoring.MAX_ACTIVE_MENTORSHIPS + 1]:
        mentoring.accept_mentorship(ambassador.user, mentorship)
    with pytest.raises(PathError):
        mentoring.accept_mentorship(ambassador.user, requests[-1])
    assert Mentorship.objects.active().filter(ambassador=ambassador).count() == (
        mentoring.MAX_ACTIVE_MENTORSHIPS
    )


def test_someone_else_cannot_accept(aisne, ambassador):
    mentorship = mentoring.request_mentoring(
        make_user(territory=aisne), territory=aisne, topic="ent", ambassador=ambassador
    )
    intruder = make_volunteer(territory=aisne, at="ambassador")
    with pytest.raises(services.NotAllowed):
        mentoring.accept_mentorship(intruder.user, mentorship)


def test_a_volunteer_not_yet_ambassador_cannot_be_asked(aisne):
    volunteer = make_volunteer(territory=aisne, at="in-training")
    with pytest.raises(PathError):
        mentoring.request_mentoring(
            make_user(territory=aisne), territory=aisne, topic="ent", ambassador=volunteer
        )


def test_facilitator_assigns_an_ambassador_to_an_open_request(aisne, ambassador, facilitator):
    family = make_user("Fatou", territory=aisne)
    family_client = client_for(family)
    family_client.post(
        reverse("ambassadors:mentoring_ask") + "?source=guide",
        {"topic": "educonnect", "territory": aisne.pk},
    )
    mentorship = Mentorship.objects.get(family=family)
    assert mentorship.ambassador is None and mentorship.source == "guide"
    staff = client_for(facilitator)
    queue = staff.get(reverse("ambassadors:queue"))
    assert [m.pk for m in queue.context["requests"]] == [mentorship.pk]
    staff.post(reverse("ambassadors:assign", args=[mentorship.pk]), {"ambassador": ambassador.pk})
    mentorship.refresh_from_db()
    assert mentorship.ambassador == ambassador and mentorship.assigned_by == facilitator
    outside = make_facilitator(make_organisation("La petite poussée", ("38",)))
    assert (
        client_for(outside).get(reverse("ambassadors:assign", args=[mentorship.pk])).status_code
        == 404
    )
