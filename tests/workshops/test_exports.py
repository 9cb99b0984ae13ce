"""The registration list as a spreadsheet: French CSV, XLSX, and never a formula."""

import csv
import io
from datetime import timedelta

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    make_facilitator,
    make_organisation,
    make_venue,
    make_workshop,
    signed_in,
)
from workshops import exports, services

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop(ligue):
    return make_workshop(
        capacity=5,
        venue=make_venue(organisation=ligue, name="Médiathèque de Laon"),
        title="Pronote: first steps",
        starts_at=timezone.now() + timedelta(days=3),
    )


def _csv_rows(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_csv_is_semicolon_separated_every_field_quoted_with_the_workshop_details(claire, workshop):
    services.register(workshop, first_name="Amina", phone="+33612345678", seats=2)
    response = signed_in(claire).get(reverse("workshops:manage_csv", args=[workshop.pk]))
    body = response.content.decode("utf-8-sig")
    rows = _csv_rows(response)
    assert rows[0] == ["Workshop", "Pronote: first steps"]
    assert rows[1][0] == "Date" and workshop.local_starts_at.strftime("%Y") in rows[1][1]
    assert "Médiathèque de Laon" in rows[2][1]
    table = rows[rows.index([]) + 1 :]
    assert table[0][0] == "First name" and len(table[0]) == 11
    # The phone as a French reader dials it: no apostrophe, no leading +.
    assert table[1][:4] == ["Amina", "", "06 12 34 56 78", "2"]
    # Every field quoted, so a semicolon inside a value never splits it.
    for line in body.strip().split("\r\n"):
        if line:
            assert line.startswith('"') and line.endswith('"')
    assert "pronote-first-steps-" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("Ana;=1+1;", "Ana;'=1+1;"),
        ("Ana,+1,@SUM(A1)", "Ana,'+1,'@SUM(A1)"),
        ("Ana\t-2", "Ana\t'-2"),
        ("Jean-Pierre", "Jean-Pierre"),
    ],
)
def test_formulas_are_neutralised_at_the_start_and_after_any_separator(
    claire, workshop, typed, written
):
    services.register(workshop, first_name=typed, email="amina@example.org")
    rows = _csv_rows(signed_in(claire).get(reverse("workshops:manage_csv", args=[workshop.pk])))
    assert rows[-1][0] == written


def test_phone_abroad_is_written_as_dialled_from_france():
    assert exports.readable_phone("+447911123456") == "00 44 7911 123456"
    assert exports.readable_phone("+590690123456") == "0690 12 34 56"


def test_xlsx_has_the_details_typed_cells_and_no_formula(claire, workshop):
    services.register(workshop, first_name="=1+1", email="amina@example.org", seats=2)
    response = signed_in(claire).get(reverse("workshops:manage_xlsx", args=[workshop.pk]))
    assert response["Content-Type"] == exports.XLSX_CONTENT_TYPE
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][:2] == ["Workshop", "Pronote: first steps"]
    header = next(i for i, row in enumerate(values) if row[0] == "First name")
    family = sheet.cell(row=header + 2, column=1)
    assert family.value == "=1+1" and family.data_type == "s"  # text, never computed
    assert sheet.cell(row=header + 2, column=4).value == 2  # a number, not text
    assert sheet.cell(row=header + 2, column=6).is_date


def test_exports_are_only_for_the_workshops_organisation(workshop):
    stranger = make_facilitator(make_organisation("La Trousse à Projets"))
    for name in ("workshops:manage_csv", "workshops:manage_xlsx"):
        assert signed_in(stranger).get(reverse(name, args=[workshop.pk])).status_code == 404
