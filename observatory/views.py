"""The observatory's pages: which territories, one territory's figures, and their exports."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify

from parents.models import Territory
from parents.permissions import can_see_territory_figures, is_staff, territories_with_figures

from . import exports, selectors
from .charts import bar_chart
from .forms import FiltersForm

CHARTED = ("places_taken", "families")


@login_required
def index(request):
    territories = territories_with_figures(request.user)
    if not territories.exists():
        raise PermissionDenied
    if territories.count() == 1:
        return redirect("observatory:territory", code=territories.get().code)
    return render(request, "observatory/index.html", {"territories": territories})


def _territory_for(request, code):
    territory = get_object_or_404(Territory, code=code)
    if not can_see_territory_figures(request.user, territory):
        raise PermissionDenied
    return territory


def _board(request, territory):
    form = FiltersForm(request.GET or None, territory=territory)
    filters = form.filters() if form.is_bound and form.is_valid() else form.default_filters()
    return form, selectors.dashboard(filters)


@login_required
def territory(request, code):
    territory = _territory_for(request, code)
    form, board = _board(request, territory)
    charts = [
        {
            "metric": metric,
            "svg": bar_chart(board.months, metric.key, f"chart-{metric.key}"),
        }
        for metric in board.metrics
        if metric.key in CHARTED
    ]
    return render(
        request,
        "observatory/dashboard.html",
        {
            "territory": territory,
            "form": form,
            "board": board,
            "charts": charts,
            "change": selectors.change_sentence(board),
            "rate_label": selectors.RATE_LABEL,
            "median_label": selectors.MEDIAN_LABEL,
            "query": request.GET.urlencode(),
        },
    )


@login_required
def export(request, code, fmt):
    territory = _territory_for(request, code)
    _form, board = _board(request, territory)
    rows = exports.table(board)
    role = "staff" if is_staff(request.user) else "pilot"
    exports.log_export(request.user, role, board, fmt, len(rows))
    name = slugify(
        f"coeduc-{territory.code}-{board.filters.first:%Y-%m}-{board.filters.last:%Y-%m}"
    )
    if fmt == "csv":
        response = HttpResponse(exports.to_csv(rows), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            exports.to_xlsx(rows),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
