"""Forms of the public workshop pages: finding a workshop, signing up, changing places."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core import phones
from core.widgets import NativeDateInput
from parents.forms import PhoneNumberField
from parents.models import Territory

from .models import MAX_SEATS_PER_FAMILY, NEEDS_DETAILS_MAX_LENGTH, Workshop


class PlainLabelsForm(forms.Form):
    """Labels without the trailing colon (questions and sentences read better without)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


SEAT_CHOICES = [(n, str(n)) for n in range(1, MAX_SEATS_PER_FAMILY + 1)]


class WorkshopFilterForm(PlainLabelsForm):
    """GET parameters of the list. Invalid values are ignored, never an error page."""

    territory = forms.ModelChoiceField(
        label=_("Département"),
        queryset=Territory.objects.all(),
        required=False,
        empty_label=_("All"),
        to_field_name="code",
    )
    commune = forms.CharField(label=_("Commune"), max_length=120, required=False)
    topic = forms.ChoiceField(
        label=_("Topic"), choices=[("", _("All"))] + Workshop.Topic.choices, required=False
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("All"))] + list(settings.LANGUAGES), required=False
    )
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[("", _("All")), ("on_site", _("On site")), ("online", _("Online"))],
        required=False,
    )
    date_from = forms.DateField(label=_("From"), required=False, widget=NativeDateInput())

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data.get("territory"):
            queryset = queryset.filter(venue__territory=data["territory"])
        if data.get("commune"):
            queryset = queryset.filter(venue__commune__icontains=data["commune"].strip())
        if data.get("topic"):
            queryset = queryset.filter(topic=data["topic"])
        if data.get("language"):
            queryset = queryset.speaking(data["language"])
        if data.get("format") == "on_site":
            queryset = queryset.exclude(format=Workshop.Format.ONLINE)
        elif data.get("format") == "online":
            queryset = queryset.exclude(format=Workshop.Format.ON_SITE)
        if data.get("date_from"):
            queryset = queryset.filter(starts_at__date__gte=data["date_from"])
        return queryset


class RegistrationForm(PlainLabelsForm):
    first_name = forms.CharField(
        label=_("Your first name"),
        max_length=80,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        help_text=_("An e-mail address or a mobile number: we send the confirmation there."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = PhoneNumberField(label=_("Mobile phone"), required=False)
    seats = forms.TypedChoiceField(
        label=_("How many people are coming (you included)?"),
        choices=SEAT_CHOICES,
        coerce=int,
        initial=1,
    )
    needs_childcare = forms.BooleanField(label=_("I need childcare"), required=False)
    needs_interpreter = forms.BooleanField(label=_("I need an interpreter"), required=False)
    needs_accessibility = forms.BooleanField(label=_("I need step-free access"), required=False)
    needs_details = forms.CharField(
        label=_("Anything else we should know? (optional)"),
        max_length=NEEDS_DETAILS_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the organiser uses my first name and contact details only for this "
            "workshop, and that they are deleted 3 months after it."
        ),
        error_messages={"required": _("Tick this box so that we may keep your sign-up.")},
    )
    # A field people never see; robots fill in everything.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Leave this field empty."), code="honeypot")
        return ""

    def clean(self):
        cleaned_data = super().clean()
        if (
            "email" not in self.errors
            and "phone" not in self.errors
            and not (cleaned_data.get("email") or cleaned_data.get("phone"))
        ):
            self.add_error(
                "email",
                forms.ValidationError(
                    _("Give an e-mail address or a mobile phone number."), code="no_contact"
                ),
            )
        return cleaned_data

    @property
    def visible_fields_for_layout(self):
        return [field for field in self if field.name != "website"]


class LostLinkForm(PlainLabelsForm):
    """'I lost my link': the e-mail address or the mobile number given when signing up."""

    contact = forms.CharField(
        label=_("Your e-mail address or mobile number"),
        help_text=_("The one you gave when you signed up."),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    def clean_contact(self):
        value = self.cleaned_data["contact"].strip()
        if "@" in value:
            try:
                return {"email": forms.EmailField().clean(value).lower()}
            except forms.ValidationError:
                pass
        else:
            try:
                return {"phone": phones.normalise(value, mobile=False)}
            except phones.InvalidPhone:
                pass
        raise forms.ValidationError(
            _("Give an e-mail address (name@example.org) or a mobile number (06 12 34 56 78)."),
            code="invalid",
        )


class SeatsForm(PlainLabelsForm):
    seats = forms.TypedChoiceField(label=_("Number of places"), choices=SEAT_CHOICES, coerce=int)
