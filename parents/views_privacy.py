"""A person's own data: see it, download it (JSON), delete the account. Every app's data comes
through the personal-data registry, so an app added tomorrow is covered the day it registers."""

import json

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from core.personal_data import Person, erase_person, export_person, sources


class ConfirmErasureForm(forms.Form):
    confirm = forms.BooleanField(
        label=gettext_lazy("I understand: my account and my data are deleted for good."),
        error_messages={"required": gettext_lazy("Tick the box to confirm the deletion.")},
    )


def readable(value) -> dict:
    """A value as the page shows it: nested dictionaries and lists (a room's messages) as
    nested lists, never as Python's repr, which read as noise and came out scrambled in Arabic."""
    if isinstance(value, dict):
        return {"kind": "pairs", "pairs": [(key, readable(item)) for key, item in value.items()]}
    if isinstance(value, list | tuple):
        return {"kind": "list", "entries": [readable(item) for item in value]}
    return {"kind": "value", "value": value}


def data_sections(person: Person) -> list[dict]:
    """The export, labelled for people: one section per source, empty ones left out."""
    exported = export_person(person)
    sections = []
    for source in sources():
        data = exported.get(source.name)
        if not data:
            continue
        rows = data if isinstance(data, list) else [data]
        sections.append(
            {"name": source.name, "label": source.label, "rows": [readable(row) for row in rows]}
        )
    return sections


def json_download(person: Person, filename: str) -> HttpResponse:
    payload = {
        "exported_at": timezone.now().isoformat(),
        "data": export_person(person),
    }
    response = HttpResponse(
        json.dumps(payload, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def export_page(request):
    person = Person.for_user(request.user)
    if request.GET.get("format") == "json":
        return json_download(person, "coeduc-my-data.json")
    response = render(request, "parents/privacy/export.html", {"sections": data_sections(person)})
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = ConfirmErasureForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        erase_person(Person.for_user(request.user))
        logout(request)
        messages.success(request, _("Your account and your data are deleted. Goodbye."))
        return redirect("/")
    return render(request, "parents/privacy/delete.html", {"form": form})
