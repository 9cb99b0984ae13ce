"""The observatory's dashboard in a real browser, as a pilot, on a small phone (360×740) and on a
laptop (1280×800), in French and in Arabic: filtered through its own form (period, commune,
organisation), it says in one sentence what changed since the month before, each chart is
followed by its table, axe-core finds nothing, and nothing scrolls sideways, zoomed in or not."""

from datetime import date

import pytest
from playwright.sync_api import expect

from .a11y import assert_accessible
from .checks import VIEWPORTS, assert_reflows, signed_in

pytestmark = pytest.mark.browser

PILOT = "pilote@demo.coeduc.fr"
DIRECTIONS = {"fr": "ltr", "ar": "rtl"}
# The first figure the sentence on the last month names, in each language.
WORKSHOPS_HELD = {"fr": "ateliers tenus", "ar": "الورشات المنعقدة"}
PERIOD_MONTHS = 6


def months_back(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 - count
    return date(index // 12, index % 12 + 1, 1)


@pytest.fixture
def figures(demo):
    """The summary table filled for the open months and the one before (what the nightly job
    keeps up to date); the dashboard reads nothing else."""
    from observatory import summary

    months = summary.open_months()
    summary.refresh(summary.months_between(summary.previous_month(months[0]), months[-1]))


def assert_charts_come_with_their_tables(page, months: int) -> None:
    charts = page.locator("figure.obs-figure")
    expect(charts).not_to_have_count(0)
    for index in range(charts.count()):
        chart = charts.nth(index)
        # The drawing is hidden from screen readers; its table, named by the caption, is read.
        expect(chart.locator("svg")).to_have_attribute("aria-hidden", "true")
        table = chart.locator("svg + table")
        expect(table).to_have_count(1)
        caption_id = chart.locator("figcaption").get_attribute("id")
        expect(table).to_have_attribute("aria-labelledby", caption_id)
        expect(table.locator("tbody tr")).to_have_count(months)
        # Without colour: every bar has its value written above it.
        expect(chart.locator("svg text.obs-value")).to_have_count(months)
    # A figure about fewer than 5 people is hidden, and says why to whoever points at it.
    hidden = page.locator(".obs-table abbr[title]").first
    expect(hidden).to_have_text("< 5")


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_pilot_filters_the_dashboard_and_it_stays_accessible(
    new_page, site_url, figures, language, viewport
):
    from django.utils import formats, timezone, translation

    from observatory.summary import month_of

    page = signed_in(new_page, site_url, PILOT, language=language, **VIEWPORTS[viewport])
    page.goto(f"/{language}/observatory/02/")
    expect(page.locator("html")).to_have_attribute("dir", DIRECTIONS[language])
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_charts_come_with_their_tables(page, months=13)  # a year back, by default
    assert_reflows(page)
    assert_accessible(page)

    # The pilot narrows the figures with the form, as anyone would: period, commune, organisation.
    last = month_of(timezone.now())
    first = months_back(last, PERIOD_MONTHS - 1)
    form = page.locator("form.obs-filters")
    form.locator("input[name=first]").fill(f"{first:%Y-%m}")
    form.locator("input[name=last]").fill(f"{last:%Y-%m}")
    commune = form.locator("select[name=commune] option").nth(1).get_attribute("value")
    form.locator("select[name=commune]").select_option(commune)
    organisation = form.locator("select[name=organisation] option").nth(1)
    organisation_id = organisation.get_attribute("value")
    form.locator("select[name=organisation]").select_option(organisation_id)
    form.locator("button[type=submit]").click()

    page.wait_for_url(f"**/{language}/observatory/02/?*")
    expect(form.locator("select[name=commune]")).to_have_value(commune)
    expect(form.locator("select[name=organisation]")).to_have_value(organisation_id)
    expect(form.locator("input[name=first]")).to_have_value(f"{first:%Y-%m}")
    expect(page.locator("[data-error-summary]")).to_have_count(0)
    months_table = page.locator("[aria-labelledby=months-title] table tbody tr")
    expect(months_table).to_have_count(PERIOD_MONTHS)
    assert_charts_come_with_their_tables(page, months=PERIOD_MONTHS)

    # One plain sentence on the last month of the period against the month before.
    with translation.override(language):
        heading = translation.gettext("Since last month:")
        month_name = formats.date_format(last, "F Y")
    change = page.locator(".obs-change")
    expect(change).to_contain_text(heading)
    expect(change).to_contain_text(month_name)
    expect(change).to_contain_text(WORKSHOPS_HELD[language])
    expect(change).not_to_contain_text("month before")

    assert_reflows(page)
    assert_accessible(page)
