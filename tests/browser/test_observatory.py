"""The observatory and the personal-data pages in a real browser, on a small phone (360×740),
in French and in Arabic: axe-core finds nothing, nothing scrolls sideways, the charts are
followed by their tables, and a hidden figure reads "< 5"."""

import pytest
from django.conf import settings
from django.test import Client

from .a11y import assert_accessible

pytestmark = pytest.mark.browser

PILOT = "pilote@demo.coeduc.fr"
PARENT = "parent@demo.coeduc.fr"
NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= innerWidth"


def signed_in(new_page, site_url, email, **options):
    from parents.models import User

    client = Client(HTTP_HOST="localhost")
    client.force_login(User.objects.get(email=email))
    page = new_page(bypass_csp=True, **options)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": site_url,
            }
        ]
    )
    return page


def check(page) -> None:
    assert page.evaluate(NO_SIDEWAYS_SCROLL), f"{page.url} scrolls sideways"
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_dashboard_and_the_privacy_pages_pass_axe_on_a_phone(new_page, site_url, lang):
    from observatory import summary

    summary.refresh(
        summary.months_between(
            summary.previous_month(summary.open_months()[0]), summary.open_months()[-1]
        )
    )
    page = signed_in(new_page, site_url, PILOT, language=lang)
    page.goto(f"{site_url}/{lang}/observatory/02/")
    assert page.locator("html").get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
    figures = page.locator("figure.obs-figure")
    assert figures.count() >= 1
    assert figures.first.locator("svg + table").count() == 1
    check(page)

    parent = signed_in(new_page, site_url, PARENT, language=lang)
    for path in (
        "me/export/",
        "me/delete/",
        "privacy/",
        "legal-notice/",
        "accessibility/",
        "contact/",
    ):
        parent.goto(f"{site_url}/{lang}/{path}")
        check(parent)

    # A guest's page, opened from the signed link of a sign-up.
    from django.utils import timezone

    from workshops import tokens
    from workshops.models import Registration

    registration = Registration.objects.filter(
        email__isnull=False, user__isnull=True, workshop__ends_at__gt=timezone.now()
    ).first()
    guest = new_page(bypass_csp=True, language=lang)
    guest.goto(f"{site_url}/{lang}/workshops/r/{tokens.make_token(registration)}/my-data/")
    assert guest.locator("input[type=checkbox][name=confirm]").count() == 1
    check(guest)
