"""A guest's data (no account): seen, downloaded or erased through the signed link of one of
their sign-ups, which proves they hold the contact it was sent to. Every app's data comes
through the personal-data registry (`core.personal_data`)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.personal_data import Person, erase_person
from parents.views_privacy import ConfirmErasureForm, data_sections, json_download

from . import tokens


@require_http_methods(["GET", "POST"])
def my_data(request, token):
    try:
        registration = tokens.read_token(token)
    except tokens.ExpiredToken:
        return render(request, "workshops/token_error.html", {"expired": True}, status=410)
    except tokens.InvalidToken:
        return render(request, "workshops/token_error.html", {"expired": False}, status=404)
    person = Person.guest(registration.email or "", registration.phone or "")
    has_contact = bool(person.emails or person.phones)
    if request.GET.get("format") == "json" and has_contact:
        return json_download(person, "coeduc-my-data.json")
    form = ConfirmErasureForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and has_contact and form.is_valid():
        erase_person(person)
        messages.success(request, _("Your data is erased. Thank you for having taken part."))
        return redirect("workshops:my_data", token=token)
    response = render(
        request,
        "workshops/my_data.html",
        {
            "form": form,
            "sections": data_sections(person) if has_contact else [],
            "has_contact": has_contact,
            "token": token,
        },
    )
    response["Cache-Control"] = "no-store"
    return response
