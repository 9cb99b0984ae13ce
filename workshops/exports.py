"""A workshop's registration list as a spreadsheet (CSV for a French spreadsheet, or XLSX)."""

import csv
import io
import re
from dataclasses import dataclass
from datetime import datetime

import phonenumbers
from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from .models import Registration, Workshop

# Spreadsheets compute a cell starting with one of these. An importer that splits on another
# separator than ours (`,` `;` tab, a line break) would start a new cell after it, so a formula
# is neutralised at the start of the text and after any such separator.
_FORMULA = re.compile(r"(^|[,;\t\r\n|])(\s*)(?=[=+\-@\t\r])")

# Regions whose numbers a French reader dials as national numbers (metropolitan and overseas).
_FRENCH_REGIONS = {"FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "NC", "PF", "WF"}


def neutralise(text: str) -> str:
    """Text that no spreadsheet will compute: an apostrophe before every formula start."""
    return _FORMULA.sub(r"\1\2'", text)


def readable_phone(value: str | None) -> str:
    """A phone number as people dial it, never starting with `+` (a formula in a spreadsheet)."""
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, "FR")
    except phonenumbers.NumberParseException:
        return value
    if phonenumbers.region_code_for_number(number) in _FRENCH_REGIONS:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    # "00 44 …" is how a number abroad is dialled from France.
    international = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return "00 " + international.lstrip("+")


@dataclass
class Sheet:
    """What both formats write: the workshop's details, then one row per registration."""

    title: str
    details: list[tuple[str, str]]
    header: list[str]
    rows: list[list]  # str, int or datetime (the venue's clock)
    filename: str


def registration_sheet(workshop: Workshop) -> Sheet:
    tz = workshop.tzinfo
    yes, no = _("Yes"), _("No")
    starts, ends = workshop.local_starts_at, workshop.local_ends_at
    when = "{} {}–{}".format(
        formats.date_format(starts, "DATE_FORMAT"),
        formats.time_format(starts, "TIME_FORMAT"),
        formats.time_format(ends, "TIME_FORMAT"),
    )
    place = (
        f"{workshop.venue.name}, {workshop.venue.address}, {workshop.venue.commune}"
        if workshop.venue_id
        else _("Online")
    )
    details = [
        (_("Workshop"), workshop.title),
        (_("Date"), when),
        (_("Place"), place),
        (_("Organisation"), str(workshop.organisation)),
        (_("Places"), str(workshop.capacity)),
    ]
    header = [
        _("First name"),
        _("E-mail"),
        _("Mobile phone"),
        _("Places"),
        _("Status"),
        _("Signed up at"),
        _("Childcare"),
        _("Interpreter"),
        _("Step-free access"),
        _("Other needs"),
        _("Attended"),
    ]
    rows = []
    registrations = Registration.objects.filter(workshop_id=workshop.pk).order_by(
        "created_at", "pk"
    )
    for registration in registrations:
        signed_up = timezone.localtime(registration.created_at, tz).replace(tzinfo=None)
        rows.append(
            [
                registration.first_name,
                registration.email or "",
                readable_phone(registration.phone),
                registration.seats,
                registration.get_status_display(),
                signed_up.replace(second=0, microsecond=0),
                yes if registration.needs_childcare else no,
                yes if registration.needs_interpreter else no,
                yes if registration.needs_accessibility else no,
                registration.needs_details or "",
                "" if registration.attended is None else (yes if registration.attended else no),
            ]
        )
    name = slugify(workshop.title)[:60] or "workshop"
    return Sheet(
        title=workshop.title,
        details=details,
        header=header,
        rows=rows,
        filename=f"{name}-{starts:%Y-%m-%d}",
    )


def _csv_text(value) -> str:
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    return neutralise("" if value is None else str(value))


def to_csv(sheet: Sheet) -> bytes:
    """Semicolon-separated (what a French spreadsheet expects), every field quoted, UTF-8 BOM."""
    out = io.StringIO()
    out.write("\ufeff")  # spreadsheets then read the accents right
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    for label, value in sheet.details:
        writer.writerow([_csv_text(label), _csv_text(value)])
    writer.writerow([])
    writer.writerow([_csv_text(label) for label in sheet.header])
    for row in sheet.rows:
        writer.writerow([_csv_text(value) for value in row])
    return out.getvalue().encode("utf-8")


def _xlsx_cell(worksheet, row: int, column: int, value):
    cell = worksheet.cell(row=row, column=column)
    if isinstance(value, str):
        # Typed as text, never as a formula; Excel's quote prefix keeps it text when edited.
        cell.value = value
        cell.data_type = "s"
        if _FORMULA.search(value):
            cell.quotePrefix = True
    else:
        cell.value = value
        if isinstance(value, datetime):
            cell.number_format = "dd/mm/yyyy hh:mm"
    return cell


def to_xlsx(sheet: Sheet) -> bytes:
    workbook = Workbook()
    worksheet = workbook.active
    # A sheet's name is at most 31 characters, without []:*?/\
    worksheet.title = re.sub(r"[\[\]:*?/\\]", " ", sheet.title)[:31] or "Coéduc"
    bold = Font(bold=True)
    line = 1
    for label, value in sheet.details:
        _xlsx_cell(worksheet, line, 1, label).font = bold
        _xlsx_cell(worksheet, line, 2, value)
        line += 1
    line += 1
    for column, label in enumerate(sheet.header, start=1):
        _xlsx_cell(worksheet, line, column, label).font = bold
    worksheet.freeze_panes = worksheet.cell(row=line + 1, column=1)
    for row in sheet.rows:
        line += 1
        for column, value in enumerate(row, start=1):
            _xlsx_cell(worksheet, line, column, value)
    for column in "ABCDEFGHIJK":
        worksheet.column_dimensions[column].width = 18
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
