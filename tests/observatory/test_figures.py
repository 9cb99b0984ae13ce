"""The observatory's figures on a small territory: what is counted, and what is hidden."""

import csv
import io
from datetime import date, timedelta

from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from observatory import selectors, summary
from observatory.models import ExportLog, MonthlyFigures
from tests.factories import signed_in


def whole(data):
    return MonthlyFigures.objects.get(
        territory=data["aisne"], month=data["month"], organisation=None, commune="*"
    )


def test_a_months_figures_count_workshops_places_attendance_and_families(territory_data):
    cell = whole(territory_data)
    assert cell.workshops_held == 2
    assert cell.places_offered == 30
    assert cell.places_taken == 18
    assert cell.seats_attended == 15
    assert cell.families == 18
    laon = MonthlyFigures.objects.get(
        territory=territory_data["aisne"],
        month=territory_data["month"],
        organisation=None,
        commune="Laon",
    )
    assert (laon.places_taken, laon.families) == (15, 15)
    assert cell.frozen


def test_the_dashboard_hides_the_small_commune_and_the_one_that_would_give_it_away(
    territory_data,
):
    month = territory_data["month"]
    board = selectors.dashboard(
        selectors.Filters(territory=territory_data["aisne"], first=month, last=month)
    )
    by_name = {row.label: row.figures for row in board.communes}
    assert str(by_name["Soissons"]["families"]) == "< 5"
    # The total (18) minus Laon (15) would give Soissons away: Laon is hidden too.
    assert str(by_name["Laon"]["families"]) == "< 5"
    assert str(board.commune_total.figures["families"]) == "18"
    # Workshops and places offered are not people: shown.
    assert str(by_name["Soissons"]["workshops_held"]) == "1"


def test_a_pilot_sees_their_territory_and_a_pilot_of_another_gets_403(territory_data, client):
    url = reverse("observatory:territory", args=["02"])
    response = signed_in(territory_data["pilot"]).get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "&lt; 5" in page
    assert "<svg" in page and "<table" in page
    assert signed_in(territory_data["other_pilot"]).get(url).status_code == 403
    assert client.get(url).status_code == 302


def test_the_index_sends_a_pilot_to_their_only_territory(territory_data):
    response = signed_in(territory_data["pilot"]).get(reverse("observatory:index"))
    assert response.status_code == 302
    assert response["Location"].endswith("/observatory/02/")


def _query(month):
    return f"?first={month:%Y-%m}&last={month:%Y-%m}"


def test_a_csv_export_is_suppressed_like_the_screen_and_logged(territory_data):
    month = territory_data["month"]
    url = reverse("observatory:export", args=["02", "csv"]) + _query(month)
    response = signed_in(territory_data["pilot"]).get(url)
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    communes = {row[0]: row for row in rows if row and row[0] in ("Laon", "Soissons")}
    header = next(row for row in rows if row and row[0] == "Commune" and len(row) > 2)
    families = header.index("Families reached")
    assert communes["Soissons"][families] == "< 5"
    assert communes["Laon"][families] == "< 5"
    log = ExportLog.objects.get()
    assert (log.user, log.role, log.format, log.territory.code) == (
        territory_data["pilot"],
        "pilot",
        "csv",
        "02",
    )
    assert log.filters["from"] == month.isoformat()


def test_an_xlsx_export_reads_back_with_the_same_figures(territory_data):
    month = territory_data["month"]
    url = reverse("observatory:export", args=["02", "xlsx"]) + _query(month)
    response = signed_in(territory_data["pilot"]).get(url)
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    header = next(row for row in rows if row[0] == "Month" and len(row) > 2)
    total = next(row for row in rows if row[0] == "Total")
    assert total[header.index("Places offered")] == 30
    assert total[header.index("Places taken")] == 18
    assert ExportLog.objects.filter(format="xlsx").count() == 1


def test_another_territorys_pilot_cannot_export_and_nothing_is_logged(territory_data):
    url = reverse("observatory:export", args=["02", "csv"])
    assert signed_in(territory_data["other_pilot"]).get(url).status_code == 403
    assert not ExportLog.objects.exists()


def test_bad_filters_give_a_message_not_an_error(territory_data):
    url = reverse("observatory:territory", args=["02"]) + "?first=soon&last=2026-13"
    response = signed_in(territory_data["pilot"]).get(url)
    assert response.status_code == 200
    assert "Give a month as year-month" in response.content.decode()


def test_months_between_crosses_years():
    assert summary.months_between(date(2025, 11, 1), date(2026, 2, 1)) == [
        date(2025, 11, 1),
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
    ]


def test_staff_read_the_export_log_in_the_admin_and_nobody_can_change_it(territory_data):
    from parents.models import User

    signed_in(territory_data["pilot"]).get(
        reverse("observatory:export", args=["02", "csv"]) + _query(territory_data["month"])
    )
    log = ExportLog.objects.get()
    staff = User.objects.create_user(email="staff@example.org", password="x", is_staff=True)
    staff.is_superuser = True
    staff.save()
    admin = signed_in(staff)
    listing = admin.get(reverse("figure_exports:index"))
    assert listing.status_code == 200
    assert "pilot@example.org" in listing.content.decode()
    assert admin.get(reverse("figure_exports:edit", args=[log.pk])).status_code in (302, 403)
    assert admin.get(reverse("figure_exports:delete", args=[log.pk])).status_code in (302, 403)
    assert admin.get(reverse("figure_exports:add")).status_code in (302, 403)
    assert ExportLog.objects.filter(pk=log.pk).exists()
    # A pilot has no way into the log of everyone's exports.
    response = signed_in(territory_data["pilot"]).get(reverse("figure_exports:index"))
    assert response.status_code in (302, 403)


def test_a_sentence_says_what_changed_since_the_month_before(territory_data):
    month = territory_data["month"]
    following = summary.months_between(month, month.replace(day=28) + timedelta(days=4))[-1]
    board = selectors.dashboard(
        selectors.Filters(territory=territory_data["aisne"], first=month, last=following)
    )
    with translation.override("en"):
        sentence = selectors.change_sentence(board)
    assert sentence.startswith("In ")
    assert "workshops held: 0 (2 fewer than the month before)" in sentence
    # 18 places last month, 0 now: "0" is under 5 people, so there is nothing to compare.
    assert "places taken: too few to compare" in sentence
    # The pages are in French and Arabic: the sentence too.
    with translation.override("fr"):
        sentence = selectors.change_sentence(board)
    assert "ateliers tenus\u202f: 0 (2 de moins que le mois précédent)" in sentence


def test_guides_and_help_requests_are_counted_for_the_whole_territory(territory_data):
    from django.utils import timezone
    from wagtail.models import Page

    from guides.models import GuideProgress
    from observatory.figures import month_bounds
    from parents.models import User
    from rooms.models import HelpRequest, Message, Room

    aisne, month = territory_data["aisne"], territory_data["month"]
    start, _end = month_bounds(month)
    day = start + timedelta(days=3)
    room = Room.objects.create(slug="aisne", name="Aisne", territory=aisne)
    pages = list(Page.objects.all()[:2])
    helper = User.objects.create_user(email="helper@example.org", password="x")
    for index in range(6):
        parent = User.objects.create_user(
            email=f"reader{index}@example.org", password="x", territory=aisne
        )
        for page in pages:
            GuideProgress.objects.create(user=parent, page=page, completed_steps=[1])
        asked = HelpRequest.objects.create(room=room, asker=parent, question="?", created_at=day)
        # Answers after 10, 20, … 60 minutes; the asker's own message does not count.
        Message.objects.create(
            room=room,
            help_request=asked,
            author=parent,
            text="ok",
            created_at=day + timedelta(minutes=1),
        )
        Message.objects.create(
            room=room,
            help_request=asked,
            author=helper,
            text="hi",
            created_at=day + timedelta(minutes=10 * (index + 1)),
        )
    GuideProgress.objects.update(updated_at=day)
    GuideProgress.objects.filter(page=pages[0]).update(completed_at=day)
    summary.refresh([month], force=True, now=timezone.now())
    cell = whole(territory_data)
    assert (cell.guides_read, cell.guides_completed) == (6 * len(pages), 6)
    assert (cell.help_requests, cell.help_answered) == (6, 6)
    assert cell.answer_minutes_median == 35
