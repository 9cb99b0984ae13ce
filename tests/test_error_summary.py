"""The error summary names each field by its label followed by ": " and the error; a label that
already ends with its own punctuation (".", ":", "?", "!", with French spacing or in Arabic)
loses it there, so that no line reads "…for good.: Tick the box"."""

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.factories import make_user

NNBSP = "\u202f"  # French puts it before ":" (the catalogue's "%(label)s : %(error)s")


def summary_lines(html: str) -> list[str]:
    summary = BeautifulSoup(html, "html.parser").select_one("[data-error-summary]")
    assert summary is not None, "no error summary"
    return [link.get_text() for link in summary.select("li a")]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "line"),
    [
        (
            "fr",
            f"J’ai compris{NNBSP}: mon compte et mes données sont supprimés définitivement"
            f"{NNBSP}: Cochez la case pour confirmer la suppression.",
        ),
        ("ar", "فهمت: سيُحذف حسابي وبياناتي نهائيًا: ضعوا علامة في المربع لتأكيد الحذف."),
        (
            "en",
            "I understand: my account and my data are deleted for good: "
            "Tick the box to confirm the deletion.",
        ),
    ],
)
def test_the_account_deletion_summary_has_no_full_stop_before_the_colon(language, line):
    client = Client(HTTP_HOST="localhost")
    client.force_login(make_user())
    with translation.override(language):
        response = client.post(reverse("parents:delete"), {})

    assert response.status_code == 200
    assert summary_lines(response.content.decode()) == [line]


class Questions(forms.Form):
    why = forms.CharField()
    name = forms.CharField()
    careful = forms.CharField()
    more = forms.CharField()
    city = forms.CharField()


LABELS = {
    "fr": {
        "why": f"Pourquoi{NNBSP}?",
        "name": "Votre nom\u00a0:",
        "careful": "Attention !",
        "more": "Et ensuite…",
        "city": "Commune",
    },
    "ar": {
        "why": "لماذا؟",
        "name": "اسمكم:",
        "careful": "انتبهوا!",
        "more": "ثم.",
        "city": "البلدية",
    },
}


@pytest.mark.parametrize("language", LABELS)
def test_every_label_loses_its_end_punctuation_in_the_summary(language):
    form = Questions(data={})
    for name, label in LABELS[language].items():
        form.fields[name].label = label
    with translation.override(language):
        lines = summary_lines(render_to_string("includes/form_errors.html", {"form": form}))
        required = str(forms.Field.default_error_messages["required"])

    colon = f"{NNBSP}: " if language == "fr" else ": "
    expected = {
        "fr": ["Pourquoi", "Votre nom", "Attention", "Et ensuite", "Commune"],
        "ar": ["لماذا", "اسمكم", "انتبهوا", "ثم", "البلدية"],
    }[language]
    assert lines == [f"{label}{colon}{required}" for label in expected]


def test_a_label_keeps_its_inner_punctuation_and_stays_escaped():
    form = Questions(data={})
    form.fields["why"].label = "Tom & <Jerry>: why?"
    html = render_to_string("includes/form_errors.html", {"form": form})

    assert "Tom &amp; &lt;Jerry&gt;: why: " in html
