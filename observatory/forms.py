"""The dashboard's filters: period, commune, organisation."""

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from parents.models import Organisation

from .models import MonthlyFigures
from .selectors import Filters, communes_of
from .summary import month_of

MAX_MONTHS = 36


class FiltersForm(forms.Form):
    first = forms.CharField(label=_("From (month)"), required=False)
    last = forms.CharField(label=_("To (month)"), required=False)
    commune = forms.ChoiceField(label=_("Commune"), required=False)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("All organisations"),
    )

    def __init__(self, *args, territory, **kwargs):
        super().__init__(*args, **kwargs)
        self.territory = territory
        self.fields["first"].widget = forms.TextInput(attrs={"type": "month"})
        self.fields["last"].widget = forms.TextInput(attrs={"type": "month"})
        self.fields["commune"].choices = [("", _("All communes"))] + [
            (name, name) for name in communes_of(territory)
        ]
        self.fields["organisation"].queryset = territory.organisations.all()

    @staticmethod
    def _month(value: str, field: str):
        try:
            year, month = (int(part) for part in value.split("-")[:2])
            return date(year, month, 1)
        except (ValueError, TypeError) as error:
            raise forms.ValidationError(
                _("Give a month as year-month, for example 2026-09."), code="month"
            ) from error

    def clean_first(self):
        value = self.cleaned_data["first"]
        return self._month(value, "first") if value else None

    def clean_last(self):
        value = self.cleaned_data["last"]
        return self._month(value, "last") if value else None

    def clean(self):
        data = super().clean()
        last = data.get("last") or month_of(timezone.now())
        first = data.get("first") or date(last.year - 1, last.month, 1)
        if first > last:
            raise forms.ValidationError(_("The first month comes after the last one."))
        if (last.year - first.year) * 12 + last.month - first.month >= MAX_MONTHS:
            raise forms.ValidationError(
                ngettext(
                    "Choose a period of at most %(n)s month.",
                    "Choose a period of at most %(n)s months.",
                    MAX_MONTHS,
                )
                % {"n": MAX_MONTHS}
            )
        data["first"], data["last"] = first, last
        return data

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            territory=self.territory,
            first=data["first"],
            last=data["last"],
            commune=data.get("commune") or MonthlyFigures.ALL,
            organisation=data.get("organisation"),
        )

    def default_filters(self) -> Filters:
        last = month_of(timezone.now())
        return Filters(
            territory=self.territory, first=date(last.year - 1, last.month, 1), last=last
        )
