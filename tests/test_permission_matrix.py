"""The permission matrix of the observatory, the personal-data pages and the footer pages:
for every named URL of these parts of the site (found by walking the URL resolver) and every
role, the answer expected. The table below is the matrix (also in the README).

Answers: 200; "login" (a redirect to the sign-in page); 302 (another redirect: a pilot's
only territory); 403; 404.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from ambassadors.models import Stage, Volunteer
from parents.models import Organisation, OrganisationMembership, Territory, TerritoryPilot, User
from workshops import tokens
from workshops.models import Registration

ROLES = (
    "anonymous",
    "parent",
    "volunteer",
    "ambassador",
    "facilitator",
    "facilitator_other",
    "pilot",
    "pilot_other",
    "editor",
    "staff",
)
A, P, V, AM, F, FO, PI, PO, E, S = ROLES

# URL name (and a label when one name is tried with several samples) → the answer of each role,
# in the order of ROLES. Every named URL of the namespaces in COVERED must be here.
L = "login"  # a redirect to the sign-in page
MATRIX = {
    #                                 anon parent volun ambas facil fac≠ pilot pil≠ edit staff
    "observatory:index":              (  L, 403, 403, 403, 403, 403, 302, 302, 403, 200),
    "observatory:territory":          (  L, 403, 403, 403, 403, 403, 200, 403, 403, 200),
    "observatory:territory#unknown":  (  L, 404, 404, 404, 404, 404, 404, 404, 404, 404),
    "observatory:export":             (  L, 403, 403, 403, 403, 403, 200, 403, 403, 200),
    "parents:account":                (  L, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "parents:export":                 (  L, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "parents:delete":                 (  L, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "workshops:my_data":              (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "workshops:my_data#forged":       (404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
    "about:privacy":                  (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "about:legal":                    (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "about:accessibility":            (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "about:contact":                  (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
}  # fmt: skip
COVERED = ("observatory", "parents", "about")  # namespaces
COVERED_NAMES = ("workshops:my_data",)  # and single URLs of other namespaces


def named_urls() -> set[str]:
    """Every named URL of the covered namespaces, from the resolver itself."""
    found = set()

    def walk(resolver, namespace=None):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                if namespace in COVERED or name in COVERED_NAMES:
                    found.add(name)

    walk(get_resolver())
    return found


def test_every_named_url_of_these_pages_is_in_the_matrix():
    assert named_urls() == {key.split("#")[0] for key in MATRIX}


@pytest.fixture
def people(shared_demo):
    demo = {
        P: "parent@demo.coeduc.fr",
        AM: "ambassadeur@demo.coeduc.fr",
        F: "animatrice@demo.coeduc.fr",
        PI: "pilote@demo.coeduc.fr",
        E: "redaction@demo.coeduc.fr",
        S: "admin@demo.coeduc.fr",
    }
    users = {role: User.objects.get(email=email) for role, email in demo.items()}
    first = Stage.objects.order_by("order").first()
    users[V] = Volunteer.objects.filter(stage=first, deactivated_at=None).first().user
    other_org = Organisation.objects.exclude(memberships__user=users[F]).first()
    users[FO] = User.objects.create_user(email="fac-other@example.org", password="x")
    OrganisationMembership.objects.create(user=users[FO], organisation=other_org)
    users[PO] = User.objects.create_user(email="pilot-other@example.org", password="x")
    TerritoryPilot.objects.create(user=users[PO], territory=Territory.objects.get(code="95"))
    registration = Registration.objects.filter(
        email__isnull=False, workshop__ends_at__gt=_now()
    ).first()
    samples = {
        "observatory:territory": {"code": "02"},
        "observatory:territory#unknown": {"code": "ZZ"},
        "observatory:export": {"code": "02", "fmt": "csv"},
        "workshops:my_data": {"token": tokens.make_token(registration)},
        "workshops:my_data#forged": {"token": "1.2:forged"},
    }
    return users, samples


def _now():
    from django.utils import timezone

    return timezone.now()


CASES = [(key, role) for key in MATRIX for role in ROLES]


@pytest.mark.parametrize(("key", "role"), CASES, ids=[f"{k}-{r}" for k, r in CASES])
def test_the_answer_for_each_role_is_the_one_in_the_matrix(people, key, role, client):
    users, samples = people
    if role != A:
        client.force_login(users[role])
    url = reverse(key.split("#")[0], kwargs=samples.get(key, {}))
    response = client.get(url)
    expected = MATRIX[key][ROLES.index(role)]
    if expected == L:
        assert response.status_code == 302, (url, role, response.status_code)
        assert "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == expected, (url, role, response.status_code)
