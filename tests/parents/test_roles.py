"""Who may do what (parents.permissions) and the demo content of `manage.py load_demo`."""

import io

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import AnonymousUser, Group
from django.core.management import call_command
from wagtail.models import Page, Revision

from coeduc.home.models import HomePage
from parents.models import Organisation, OrganisationMembership, Territory, TerritoryPilot, User
from parents.permissions import (
    EDITORS_GROUP,
    can_see_territory_figures,
    facilitated_organisations,
    is_editor,
    is_facilitator,
    piloted_territories,
    roles_of,
)

TNE_CODES = {"02", "95", "13", "18", "2A", "25", "29", "971", "34", "38", "86", "88"}


# Codes and names of their own: the demo content may be loaded in this module too.
@pytest.fixture
def territories(db):
    north = Territory.objects.create(code="T1", name="Test north")
    island = Territory.objects.create(code="T2", name="Test island", timezone="America/Guadeloupe")
    return north, island


@pytest.fixture
def organisations(db):
    ligue = Organisation.objects.create(name="Test league", kind=Organisation.Kind.ASSOCIATION)
    canope = Organisation.objects.create(name="Test network", kind=Organisation.Kind.PUBLIC_BODY)
    return ligue, canope


def make_user(email: str, **fields) -> User:
    return User.objects.create_user(email=email, display_name=email.split("@")[0], **fields)


# --- Facilitators --------------------------------------------------------------------------


def test_facilitator_is_scoped_to_their_organisation(organisations):
    ligue, canope = organisations
    claire = make_user("claire@example.org")
    OrganisationMembership.objects.create(user=claire, organisation=ligue)

    assert is_facilitator(claire)
    assert is_facilitator(claire, ligue)
    assert not is_facilitator(claire, canope)
    assert list(facilitated_organisations(claire)) == [ligue]


def test_parent_and_anonymous_are_not_facilitators(organisations):
    ligue, _canope = organisations
    parent = make_user("parent@example.org")

    assert not is_facilitator(parent)
    assert not is_facilitator(parent, ligue)
    assert not is_facilitator(AnonymousUser())
    assert not is_facilitator(AnonymousUser(), ligue)


def test_inactive_member_is_no_longer_a_facilitator(organisations):
    ligue, _canope = organisations
    former = make_user("former@example.org", is_active=False)
    OrganisationMembership.objects.create(user=former, organisation=ligue)

    assert not is_facilitator(former, ligue)
    assert roles_of(former) == []


# --- Pilots --------------------------------------------------------------------------------


def test_pilot_sees_only_their_territory(territories):
    north, island = territories
    marc = make_user("marc@example.org")
    TerritoryPilot.objects.create(user=marc, territory=north)

    assert list(piloted_territories(marc)) == [north]
    assert can_see_territory_figures(marc, north)
    assert not can_see_territory_figures(marc, island)


def test_non_pilots_pilot_nothing(territories):
    north, _island = territories
    parent = make_user("parent@example.org")

    assert not piloted_territories(parent).exists()
    assert not piloted_territories(AnonymousUser()).exists()
    assert not can_see_territory_figures(parent, north)


# --- Editors -------------------------------------------------------------------------------


def test_editor_is_whoever_is_in_wagtails_editors_group(db):
    # The group comes from Wagtail's own migrations.
    editors = Group.objects.get(name=EDITORS_GROUP)
    moderators = Group.objects.get(name="Moderators")
    ines = make_user("ines@example.org")
    moderator = make_user("moderator@example.org")
    moderator.groups.add(moderators)

    assert not is_editor(ines)
    ines.groups.add(editors)
    assert is_editor(User.objects.get(pk=ines.pk))
    assert not is_editor(moderator)
    assert not is_editor(AnonymousUser())


def test_superuser_is_an_editor(db):
    root = User.objects.create_superuser(email="root@example.org")

    assert is_editor(root)


# --- All roles together --------------------------------------------------------------------


def test_roles_of_someone_holding_every_role(territories, organisations):
    north, _island = territories
    ligue, _canope = organisations
    everything = make_user("all@example.org", is_staff=True)
    OrganisationMembership.objects.create(user=everything, organisation=ligue)
    TerritoryPilot.objects.create(user=everything, territory=north)
    everything.groups.add(Group.objects.get(name=EDITORS_GROUP))

    assert roles_of(everything) == ["parent", "facilitator", "pilot", "editor", "staff"]
    assert roles_of(make_user("parent@example.org")) == ["parent"]
    assert roles_of(AnonymousUser()) == []


def test_roles_of_the_demo_accounts(shared_demo):
    expected = {
        "parent@demo.coeduc.fr": ["parent"],
        "animatrice@demo.coeduc.fr": ["parent", "facilitator"],
        "pilote@demo.coeduc.fr": ["parent", "pilot"],
        "redaction@demo.coeduc.fr": ["parent", "editor"],
        # A superuser: Wagtail lets them edit everything.
        "admin@demo.coeduc.fr": ["parent", "editor", "staff"],
    }
    roles = {user.email: roles_of(user) for user in User.objects.filter(email__in=expected)}
    assert roles == expected
    claire = User.objects.get(email="animatrice@demo.coeduc.fr")
    assert is_facilitator(claire, Organisation.objects.get(name="Ligue de l'Enseignement"))
    assert not is_facilitator(claire, Organisation.objects.get(name="Réseau Canopé"))
    marc = User.objects.get(email="pilote@demo.coeduc.fr")
    assert [t.code for t in piloted_territories(marc)] == ["02"]


# --- load_demo -----------------------------------------------------------------------------


def test_load_demo_creates_the_twelve_territories(shared_demo):
    assert set(Territory.objects.values_list("code", flat=True)) == TNE_CODES
    guadeloupe = Territory.objects.get(code="971")
    assert (guadeloupe.name, guadeloupe.timezone) == ("Guadeloupe", "America/Guadeloupe")
    others = Territory.objects.exclude(code="971")
    assert set(others.values_list("timezone", flat=True)) == {"Europe/Paris"}
    canope = Organisation.objects.get(name="Réseau Canopé")
    assert canope.territories.count() == 12


def test_demo_parent_is_ready_to_sign_in(client, shared_demo):
    parent = User.objects.get(email="parent@demo.coeduc.fr")
    assert (parent.phone, parent.phone_verified) == ("+33612345601", True)
    assert EmailAddress.objects.filter(user=parent, verified=True, primary=True).exists()

    # With the demo password, through allauth's sign-in form.
    response = client.post(
        "/fr/accounts/login/", {"login": "parent@demo.coeduc.fr", "password": "coeduc-demo"}
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(parent.pk)
    assert "Samira" in client.get("/fr/me/").content.decode()


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (
            Territory,
            Organisation,
            User,
            Page,
            Revision,
            OrganisationMembership,
            TerritoryPilot,
            EmailAddress,
            Group,
        )
    }


def test_load_demo_is_idempotent(shared_demo):
    first = counts()
    live_titles = set(Page.objects.live().values_list("title", flat=True))

    call_command("load_demo", stdout=io.StringIO())

    assert counts() == first
    assert set(Page.objects.live().values_list("title", flat=True)) == live_titles
    assert first["Territory"] == 12
    assert first["User"] >= 5
    home_languages = HomePage.objects.live().values_list("locale__language_code", flat=True)
    assert sorted(home_languages) == ["ar", "en", "fr"]
