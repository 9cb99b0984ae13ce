"""Bad input never makes a 500 (security review #13, item 9).

Every page of the workshops, ambassadors, parents and guides apps is asked for, as each kind
of person, with garbage in every query parameter and every form field those apps read; and,
where the URL takes a number or a token, with a real one and with garbage. A page may refuse
(400, 403, 404, a form with errors, a redirect), never fail.
"""

import inspect
import uuid
from urllib.parse import urlencode

import pytest
from django import forms
from django.test import Client
from django.urls import get_resolver

from ambassadors import forms as ambassador_forms
from ambassadors.models import Badge, Mentorship, Volunteer
from parents import forms as parent_forms
from parents.models import Organisation, User
from workshops import forms as workshop_forms
from workshops import tokens
from workshops.models import Registration, Workshop

GARBAGE = [
    "abc",
    "-1",
    "99999999999999999999",
    "",
    "1.5",
    "é٣✓\u202e<b>",
    "\x00",
]

# What the views read themselves, besides their forms' fields.
QUERY_AND_FORM_NAMES = {
    "ambassador",
    "source",
    "page",
    "list",
    "territory",
    "topic",
    "audience",
    "q",
    "version",
    "helped",
    "in_directory",
    "present",
    "message",
    "next",
    "back",
    "on",
}
APP_NAMESPACES = ("workshops", "ambassadors", "parents", "guides")
# Which object a route's <int:pk> names, by a piece of the route.
ROUTE_OBJECTS = {
    "mentoring/": "mentoring",
    "facilitators/requests/": "mentoring",
    "volunteers/": "volunteers",
    "issuers/": "issuer",
}


def form_field_names() -> set[str]:
    names = set()
    for module in (workshop_forms, ambassador_forms, parent_forms):
        for _name, form_class in inspect.getmembers(module, inspect.isclass):
            if issubclass(form_class, forms.BaseForm) and hasattr(form_class, "base_fields"):
                names.update(form_class.base_fields)
    return names


def routes():
    """(namespace:name, route with <converter:name> placeholders) of the apps' pages."""

    def walk(patterns, prefix="", namespace=None):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                yield from walk(
                    pattern.url_patterns,
                    prefix + str(pattern.pattern),
                    pattern.namespace or namespace,
                )
            elif namespace in APP_NAMESPACES:
                yield f"{namespace}:{pattern.name}", prefix + str(pattern.pattern)

    seen = set()
    for name, route in walk(get_resolver().url_patterns):
        if route.startswith(("fr/", "ar/")):
            route = "en/" + route[3:]
        if (name, route) not in seen:
            seen.add((name, route))
            yield name, route


def real_values() -> dict[str, list[str]]:
    registration = Registration.objects.order_by("pk").first()
    mentorships = list(Mentorship.objects.order_by("pk").values_list("pk", flat=True)[:3])
    badge = Badge.objects.order_by("pk").first()
    return {
        "workshops": [str(Workshop.objects.order_by("pk").first().pk)],
        "registration_pk": [str(registration.pk)],
        "token": [tokens.make_token(registration), "abc", "1.AAAA"],
        "mentoring": [str(pk) for pk in mentorships],
        "volunteers": [str(Volunteer.objects.order_by("pk").first().pk)],
        "issuer": [str(Organisation.objects.order_by("pk").first().pk)],
        "public_id": [str(badge.public_id) if badge else str(uuid.uuid4())],
    }


def urls_for(route: str, values: dict[str, list[str]]) -> list[str]:
    if "<" not in route:
        return ["/" + route]
    urls = []
    if "<int:registration_pk>" in route:
        route = route.replace("<int:pk>", values["workshops"][0])
        return [
            "/" + route.replace("<int:registration_pk>", option)
            for option in (values["registration_pk"][0], "99999999999999999999")
        ]
    if "<int:pk>" in route:
        key = next((key for part, key in ROUTE_OBJECTS.items() if part in route), "workshops")
        for option in [*values[key], "99999999999999999999", "0"]:
            urls.append("/" + route.replace("<int:pk>", option))
    elif "<str:token>" in route:
        for option in values["token"]:
            urls.append("/" + route.replace("<str:token>", option))
    elif "<uuid:public_id>" in route:
        urls.append("/" + route.replace("<uuid:public_id>", values["public_id"][0]))
    elif "<slug:slug>" in route:
        urls += ["/" + route.replace("<slug:slug>", slug) for slug in ("ambassador", "abc")]
    return urls


ROLES = ["visitor", "parent", "ambassador", "facilitator", "staff"]


def person(role: str) -> User | None:
    if role == "visitor":
        return None
    if role == "ambassador":
        ambassador = Volunteer.objects.filter(in_directory=True).select_related("user")
        return ambassador.order_by("pk").first().user
    email = {"parent": "parent", "facilitator": "animatrice", "staff": "admin"}[role]
    return User.objects.get(email=f"{email}@demo.coeduc.fr")


# One test per value and role (35 of about 270 requests each), so that the xdist workers share
# them out evenly rather than one worker being left with the last large one.
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("garbage", GARBAGE, ids=repr)
def test_no_page_fails_on_garbage(shared_demo, garbage, role):
    names = QUERY_AND_FORM_NAMES | form_field_names()
    values = real_values()
    query = dict.fromkeys(names, garbage)
    failures = []
    client = Client(HTTP_HOST="localhost", raise_request_exception=False)
    user = person(role)
    if user is not None:
        client.force_login(user)
    for name, route in routes():
        for url in urls_for(route, values):
            for method in ("get", "post"):
                if method == "get":
                    response = client.get(url, query)
                else:
                    response = client.post(url + "?" + urlencode(query), query)
                if response.status_code >= 500:
                    failures.append(f"{role} {method.upper()} {url} ({name})")
    assert failures == []


def test_a_nul_byte_in_a_query_gets_the_400_page_in_the_pages_language(client):
    response = client.get("/fr/guides/search/", {"q": "pro\x00note"})
    assert response.status_code == 400
    assert 'lang="fr"' in response.content.decode()
