"""No Content-Security-Policy violation in a real browser, on the pages of each kind of user.

Chromium enforces the site's policy (never bypassed here) on a representative set of pages for
each role, in French and in Arabic. A violation is caught twice: by the page's own
``securitypolicyviolation`` event (an init script, which the policy does not govern, records
them) and by the console, where Chromium writes "Refused to … Content Security Policy".
Pages come from uvicorn (the ASGI application) so that the rooms' WebSocket connects too.
tests/security/test_csp.py checks the header and the HTML of every page without a browser.
"""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from .test_rooms import live, signed_in

pytestmark = [pytest.mark.browser, pytest.mark.asgi]

# Recorded in each document before its own scripts run; read back with page.evaluate (a
# function, which the policy does not govern, unlike the string predicates of wait_for_function).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", event => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} `
    + `(${event.sourceFile || "?"}:${event.lineNumber})`
  );
});
"""
VIOLATIONS = "() => window.__cspViolations || []"
# After the load event (every subresource of the document has loaded or been refused), one
# more frame and task, for the violation events queued meanwhile. (`new_page` blocks service
# workers: nothing is fetched on their behalf afterwards.) At most 2 s: page.evaluate has no
# timeout of its own, and a frame that never comes must not hang the suite.
SETTLED = """() => new Promise(r => {
  requestAnimationFrame(() => setTimeout(r, 0));
  setTimeout(r, 2000);
})"""
ROOM_PATH = "/rooms/pronote-ent-aisne/"
ROOM = "/{lang}" + ROOM_PATH

# The pages each kind of user goes to ({guide} and {workshop}: one of the demo's), from
# the home page to the staff's admin.
PAGES = {
    None: [
        "/{lang}/",
        "/{lang}/guides/",
        "{guide}",
        "/{lang}/workshops/",
        "/{lang}/workshops/{workshop}/",
        "/{lang}/accounts/login/",
        "/{lang}/accounts/signup/",
        "/{lang}/ambassadors/",
        "/{lang}/privacy/",
        "/{lang}/legal-notice/",
        "/{lang}/accessibility/",
        "/{lang}/contact/",
    ],
    "parent@demo.coeduc.fr": [
        "/{lang}/",
        "{guide}",
        "/{lang}/me/",
        "/{lang}/me/export/",
        "/{lang}/me/delete/",
        "/{lang}/accounts/phone/change/",
        "/{lang}/workshops/mine/",
        "/{lang}/rooms/",
        ROOM,
        "/{lang}/ambassadors/",
        "/{lang}/ambassadors/directory/",
    ],
    "ambassadeur@demo.coeduc.fr": [
        "/{lang}/ambassadors/",
        "/{lang}/ambassadors/mentoring/",
        ROOM,
    ],
    "animatrice@demo.coeduc.fr": [
        "/{lang}/workshops/manage/",
        "/{lang}/ambassadors/facilitators/",
        "/{lang}/rooms/unanswered/",
    ],
    "pilote@demo.coeduc.fr": ["/{lang}/observatory/"],
    # Signed-in editors get Wagtail's user bar on the site's pages. The admin has its own,
    # looser policy (inline scripts and styles): it must still be enough.
    "redaction@demo.coeduc.fr": [
        "/{lang}/",
        "{guide}",
        "/admin/",
        "/admin/pages/{guide_id}/edit/",
        "/admin/images/",
    ],
    "admin@demo.coeduc.fr": ["/django-admin/"],
}


@pytest.fixture
def site_url(demo, asgi_url):
    """From uvicorn, so that the rooms' WebSocket connects under the policy too."""
    return asgi_url


def demo_guide(language: str):
    from guides.models import GuidePage

    guides = GuidePage.objects.live().order_by("path")
    return guides.filter(locale__language_code=language).first() or guides.first()


def demo_workshop() -> int:
    from workshops.models import Workshop

    return Workshop.objects.filter(starts_at__gt=timezone.now()).order_by("starts_at").first().pk


def watched(page):
    """The page, its console's violations recorded in ``page.csp_console`` as they come."""
    page.csp_console = []
    page.context.add_init_script(RECORD_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            page.csp_console.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return page


def visit(page, url: str) -> list[str]:
    """Open ``url`` and wait until it is done; the violations it caused."""
    response = page.goto(url, wait_until="load")
    assert response.ok, (url, response.status)
    page.evaluate(SETTLED)
    if url.endswith(ROOM_PATH):
        live(page)  # the room's WebSocket is allowed (connect-src 'self') and connected
    found = page.evaluate(VIOLATIONS) + page.csp_console
    page.csp_console = []
    return [f"{url}: {violation}" for violation in found]


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_no_page_breaks_the_policy_for_any_kind_of_user(new_page, site_url, language):
    guide = demo_guide(language)
    values = {
        "lang": language,
        "guide": guide.get_url(),
        "guide_id": guide.pk,
        "workshop": demo_workshop(),
    }
    violations = []
    for email, pages in PAGES.items():
        if email:
            page = signed_in(new_page, site_url, email, language=language)
        else:
            page = new_page(language=language)
        watched(page)
        for template in pages:
            violations += visit(page, template.format(**values))

    assert violations == []


def test_a_violation_would_be_seen(new_page, site_url):
    """The watch itself: an inline script and an inline style, added to a page, are caught."""
    page = watched(new_page(language="fr"))
    assert visit(page, "/fr/") == []

    page.evaluate(
        """() => {
      const script = document.createElement("script");
      script.textContent = "document.title = 'ran';";
      document.body.append(script);
      document.body.setAttribute("style", "color: red");
    }"""
    )

    expect(page).not_to_have_title("ran")
    for _ in range(40):  # the events are dispatched asynchronously
        found = page.evaluate(VIOLATIONS)
        if len(found) >= 2:
            break
        page.wait_for_timeout(50)
    assert any(violation.startswith("script-src-elem") for violation in found), found
    assert any(violation.startswith("style-src-attr") for violation in found), found
    assert any("Content Security Policy" in text for text in page.csp_console)
