"""The Content-Security-Policy header on every page of the site, for every kind of user.

Every named URL (found by walking the URL resolver) and every live Wagtail page is requested
as each role of the demo. Each answer must carry the site's policy (no 'unsafe-inline'), and
each HTML page must hold nothing that policy blocks: no inline script, event handler or style.
The admin alone has the looser policy. tests/browser/test_csp_console.py checks what a real
browser reports.
"""

from html.parser import HTMLParser

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation
from wagtail.models import Page

from ambassadors.models import Badge, Mentorship, Stage, Volunteer
from parents.models import Organisation, User
from rooms.models import HelpRequest, Message, Report, Room
from workshops import tokens
from workshops.models import Registration, Workshop

ROLES = {
    "anonymous": None,
    "parent": "parent@demo.coeduc.fr",
    "ambassador": "ambassadeur@demo.coeduc.fr",
    "facilitator": "animatrice@demo.coeduc.fr",
    "pilot": "pilote@demo.coeduc.fr",
    "editor": "redaction@demo.coeduc.fr",
    "staff": "admin@demo.coeduc.fr",
}
SITE_POLICY = {
    "default-src": "'self'",
    "img-src": "'self' data:",
    # blob: a voice message recorded in the page, listened to before it is sent.
    "media-src": "'self' blob:",
    "style-src": "'self'",
    "script-src": "'self'",
    "font-src": "'self'",
    "connect-src": "'self'",
    "frame-ancestors": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "object-src": "'none'",
}
# Not pages of the site: uploaded files have their own, stricter policy (tests/test_media_serving).
SKIPPED = {None}  # the media view has no name
ADMIN_PREFIXES = ("/admin/", "/django-admin/")
# Scripts of these types are data, never run: CSP does not apply to them.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json", "importmap"}


def named_patterns() -> dict[str, URLPattern]:
    """Every named URL of the site outside the admin."""
    found = {}

    def walk(resolver, prefix="", namespace=None):
        for pattern in resolver.url_patterns:
            route = prefix + str(pattern.pattern)
            if route.startswith(("admin/", "django-admin/")):
                continue
            if isinstance(pattern, URLResolver):
                walk(pattern, route, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name not in SKIPPED:
                found[f"{namespace}:{pattern.name}" if namespace else pattern.name] = pattern

    walk(get_resolver())
    return found


def sample_kwargs() -> dict[str, dict]:
    """Arguments for the URLs that take some: real objects of the demo where there are."""
    workshop = Workshop.objects.order_by("-starts_at").first()
    registration = Registration.objects.filter(workshop=workshop).first() or (
        Registration.objects.first()
    )
    token = tokens.make_token(registration)
    mentorship = Mentorship.objects.first()
    volunteer = Volunteer.objects.first()
    badge = Badge.objects.first()
    room = Room.objects.first()
    help_request = HelpRequest.objects.filter(room=room).first()
    message = Message.objects.filter(room=room).first()
    report = Report.objects.first()
    organisation = Organisation.objects.first()
    stage = Stage.objects.order_by("order").first()
    rooms_pk = {"slug": room.slug, "pk": getattr(message, "pk", 1)}
    samples = {
        "workshops:detail": {"pk": workshop.pk},
        "workshops:calendar": {"pk": workshop.pk},
        "workshops:manage_check_in_one": {"pk": workshop.pk, "registration_pk": registration.pk},
        "workshops:check_in_by_code": {"token": "ABCDEF"},
        "ambassadors:volunteer": {"pk": volunteer.pk},
        "ambassadors:decide": {"pk": volunteer.pk},
        "ambassadors:deactivate": {"pk": volunteer.pk},
        "ambassadors:keep": {"pk": volunteer.pk},
        "ambassadors:assign": {"pk": getattr(mentorship, "pk", 1)},
        "ambassadors:issuer": {"pk": organisation.pk},
        "ambassadors:issuer_status_list": {"pk": organisation.pk},
        "ambassadors:achievement": {"slug": stage.slug},
        "rooms:help_request": {"slug": room.slug, "pk": getattr(help_request, "pk", 1)},
        "rooms:claim": {"slug": room.slug, "pk": getattr(help_request, "pk", 1)},
        "rooms:thread_post": {"slug": room.slug, "pk": getattr(help_request, "pk", 1)},
        "rooms:resolve": {"slug": room.slug, "pk": getattr(help_request, "pk", 1)},
        "rooms:dismiss": {"slug": room.slug, "pk": getattr(report, "pk", 1)},
        "observatory:territory": {"code": "02"},
        "observatory:export": {"code": "02", "fmt": "csv"},
        "account_reset_password_from_key": {"uidb36": "1", "key": "set-password"},
        "wagtaildocs_serve": ["1", "document.pdf"],
        "wagtaildocs_authenticate_with_password": {"restriction_id": 1},
        "wagtailcore_authenticate_with_password": {"page_view_restriction_id": 1, "page_id": 1},
    }
    by_argument = {
        "workshops": {"pk": workshop.pk, "token": token},
        "ambassadors": {
            "pk": getattr(mentorship, "pk", 1),
            "public_id": getattr(badge, "public_id", "00000000-0000-0000-0000-000000000000"),
        },
        "rooms": rooms_pk,
    }
    for name, pattern in named_patterns().items():
        arguments = set(pattern.pattern.regex.groupindex) | set(
            getattr(pattern.pattern, "converters", {})
        )
        if name in samples or not arguments:
            continue
        namespace = name.split(":")[0]
        known = by_argument.get(namespace, {})
        samples[name] = {argument: known[argument] for argument in arguments if argument in known}
    return samples


def site_urls() -> list[str]:
    """Every named URL, in French (the default language), and every live page in each
    language: the home pages, guides, topics, the footer pages."""
    samples = sample_kwargs()
    urls = []
    with translation.override("fr"):
        for name, pattern in named_patterns().items():
            arguments = samples.get(name, {})
            if name == "wagtail_serve" or pattern.pattern.regex.groups and not arguments:
                continue  # the page tree: its pages are listed below
            if isinstance(arguments, list):
                urls.append(reverse(name, args=arguments))
            else:
                urls.append(reverse(name, kwargs=arguments))
    for page in Page.objects.live().filter(depth__gt=1).specific():
        url = page.get_url()
        if url:
            urls.append(url)
    return sorted(set(urls))


def parse_policy(header: str) -> dict[str, str]:
    policy = {}
    for directive in header.split(";"):
        name, _, value = directive.strip().partition(" ")
        if name:
            policy[name] = value
    return policy


class InlineContent(HTMLParser):
    """What a policy without 'unsafe-inline' blocks in a page: inline scripts, event
    handlers, javascript: links, <style> elements and style attributes."""

    def __init__(self):
        super().__init__()
        self.found = []
        self._script = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attributes.items():
            if name.startswith("on") or name == "style":
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in {"href", "action", "src"} and (value or "").startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "style":
            self.found.append("<style>")
        is_data = attributes.get("type") in DATA_SCRIPT_TYPES
        self._script = tag == "script" and "src" not in attributes and not is_data

    def handle_data(self, data):
        if self._script and data.strip():
            self.found.append(f"<script>{data.strip()[:80]}</script>")

    def handle_endtag(self, tag):
        self._script = None


def inline_content(html: str) -> list[str]:
    parser = InlineContent()
    parser.feed(html)
    return parser.found


@pytest.fixture(scope="module")
def demo_urls(django_db_setup, django_db_blocker, _demo_for_the_module):
    with django_db_blocker.unblock():
        return site_urls()


def test_the_urls_cover_the_site(shared_demo, demo_urls):
    """The walk finds the pages the browser test visits, in each language."""
    expected = [
        "/fr/",
        "/ar/",
        "/fr/accounts/login/",
        "/fr/workshops/",
        "/fr/rooms/",
        "/fr/me/",
        "/fr/observatory/",
        "/fr/privacy/",
        "/fr/ambassadors/",
    ]
    assert set(expected) <= set(demo_urls)
    assert any(url.startswith("/ar/guides/") for url in demo_urls)
    assert len(demo_urls) > 80


@pytest.mark.parametrize("role", ROLES)
def test_every_page_carries_the_site_policy_and_nothing_it_blocks(
    shared_demo, demo_urls, role, client
):
    if ROLES[role]:
        client.force_login(User.objects.get(email=ROLES[role]))
    missing, loose, blocked, statuses = [], [], {}, {}
    for url in demo_urls:
        response = client.get(url)
        statuses[url] = response.status_code
        assert response.status_code < 500, (url, role)
        header = response.get("Content-Security-Policy")
        if header is None:
            missing.append(url)
            continue
        if parse_policy(header) != SITE_POLICY:
            loose.append((url, header))
        if response.get("Content-Type", "").startswith("text/html"):
            found = inline_content(response.content.decode())
            if found:
                blocked[url] = found

    assert not missing, f"no CSP header for {role}: {missing}"
    assert not loose, f"another policy for {role}: {loose}"
    assert not blocked, f"inline content the policy blocks, for {role}: {blocked}"
    # Not only redirects and refusals: the role's own pages answered.
    assert sum(status == 200 for status in statuses.values()) > 40, statuses


@pytest.mark.parametrize("url", ["/admin/", "/admin/pages/", "/django-admin/"])
def test_only_the_admin_has_the_looser_policy(shared_demo, client, url):
    client.force_login(User.objects.get(email=ROLES["staff"]))
    response = client.get(url)

    assert response.status_code == 200
    policy = parse_policy(response["Content-Security-Policy"])
    assert policy["script-src"] == "'self' 'unsafe-inline'"
    assert policy["style-src"] == "'self' 'unsafe-inline'"
    assert policy["frame-ancestors"] == "'self'"
    # Otherwise the site's policy: no other host.
    assert policy["default-src"] == policy["connect-src"] == "'self'"
    assert policy["object-src"] == "'none'"


def test_the_admin_sign_in_page_has_a_policy_too(shared_demo, client):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    assert "'unsafe-inline'" in response["Content-Security-Policy"]


def test_the_pages_of_the_early_guards_carry_the_policy(shared_demo, client):
    """The 400 page of a NUL byte, from a middleware before the views: still the policy."""
    response = client.get("/fr/workshops/", {"q": "a\x00b"})

    assert response.status_code == 400
    assert parse_policy(response["Content-Security-Policy"]) == SITE_POLICY
