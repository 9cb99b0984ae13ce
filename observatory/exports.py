"""The dashboard's figures as a spreadsheet (CSV for a French spreadsheet, or XLSX), with the
same suppression as on screen, and the log line every export leaves."""

from __future__ import annotations

import csv
import io

from django.utils import formats
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from workshops.exports import neutralise

from .models import ExportLog
from .selectors import MEDIAN_LABEL, RATE_LABEL, Dashboard


def _cell(shown):
    """A number as a number; a hidden figure as the text "< 5"; unknown as empty."""
    if shown is None:
        return ""
    if shown.suppressed:
        return str(shown)
    return "" if shown.value is None else shown.value


def table(board: Dashboard) -> list[list]:
    """Rows of the export: the filters, the months, then the communes."""
    filters = board.filters
    header = [m.label for m in board.metrics] + [RATE_LABEL]
    extra = board.filters.whole_territory
    if extra:
        header.append(MEDIAN_LABEL)
    keys = [m.key for m in board.metrics] + ["attendance_rate"]
    if extra:
        keys.append("answer_minutes")
    rows = [
        [_("Territory"), f"{filters.territory.code} {filters.territory.name}"],
        [_("Period"), f"{filters.first:%Y-%m} – {filters.last:%Y-%m}"],
        [_("Commune"), filters.commune if filters.commune != "*" else _("All")],
        [_("Organisation"), str(filters.organisation) if filters.organisation else _("All")],
        [_("Figures under 5 people are shown as “< 5”.")],
        [],
        [_("Month"), *header],
    ]
    for row in [*board.months, board.month_total]:
        label = formats.date_format(row.label, "Y-m") if hasattr(row.label, "year") else row.label
        rows.append([str(label), *[_cell(row.figures.get(key)) for key in keys]])
    rows.append([])
    commune_keys = [m.key for m in board.metrics if not m.territory_only] + ["attendance_rate"]
    commune_header = [m.label for m in board.metrics if not m.territory_only] + [RATE_LABEL]
    rows.append([_("Commune"), *commune_header])
    for row in [*board.communes, board.commune_total]:
        rows.append([str(row.label), *[_cell(row.figures.get(key)) for key in commune_keys]])
    # Lazy translations become text here, in the request's language.
    return [[v if isinstance(v, int | float) else str(v) for v in row] for row in rows]


def to_csv(rows: list[list]) -> bytes:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    for row in rows:
        writer.writerow([neutralise(str(value)) for value in row])
    return out.getvalue().encode("utf-8")


def to_xlsx(rows: list[list]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Figures")[:31]
    for row in rows:
        # Text never starts a formula in XLSX either.
        sheet.append([neutralise(str(v)) if isinstance(v, str) else v for v in row])
    for row in sheet.iter_rows():
        if row and row[0].value in (_("Month"), _("Commune")) and len(row) > 2:
            for cell in row:
                cell.font = Font(bold=True)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def log_export(user, role: str, board: Dashboard, fmt: str, rows: int) -> ExportLog:
    return ExportLog.objects.create(
        user=user,
        role=role,
        territory=board.filters.territory,
        format=fmt,
        filters=board.filters.as_dict(),
        rows=rows,
    )
