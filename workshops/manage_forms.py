"""Forms of the facilitators' phone pages: a message to the families, a series of sessions."""

import zoneinfo
from datetime import datetime, timedelta

from django import forms
from django.core import validators
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core import phones
from core.languages import is_language_code
from core.vocabularies import join_codes, split_codes
from core.widgets import NativeDateInput, NativeTimeInput

from .forms import PlainLabelsForm
from .models import MAX_SEATS_PER_FAMILY, Venue, Workshop
from .permissions import managed_organisations

MESSAGE_MAX_LENGTH = 1000
MAX_SESSIONS = 20


class MessageForm(PlainLabelsForm):
    subject = forms.CharField(label=_("Subject"), max_length=120)
    body = forms.CharField(
        label=_("Message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Short and plain: it is also sent as a text message."),
    )
    channels = forms.MultipleChoiceField(
        label=_("Send by"),
        choices=[("email", _("E-mail")), ("sms", _("Text message (SMS)"))],
        widget=forms.CheckboxSelectMultiple,
        initial=["email", "sms"],
        error_messages={"required": _("Choose e-mail, text message or both.")},
    )
    include_waiting = forms.BooleanField(
        label=_("Also send it to the families on the waiting list"), required=False
    )


class SeriesForm(PlainLabelsForm):
    """A cycle of sessions: every week from a first date, or on dates given one per line."""

    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None)
    title = forms.CharField(label=_("Title of the series"), max_length=120)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    topic = forms.ChoiceField(label=_("Topic"), choices=Workshop.Topic.choices)
    format = forms.ChoiceField(label=_("Format"), choices=Workshop.Format.choices)
    venue = forms.ModelChoiceField(
        label=_("Venue"),
        queryset=None,
        required=False,
        help_text=_("Leave empty for sessions held only online."),
    )
    languages = forms.CharField(
        label=_("Languages"),
        max_length=60,
        initial="fr",
        help_text=_("Language codes separated by commas, for example: fr,ar"),
    )
    first_date = forms.DateField(label=_("Date of the first session"), widget=NativeDateInput())
    start_time = forms.TimeField(label=_("Start time"), widget=NativeTimeInput())
    duration_minutes = forms.IntegerField(
        label=_("Length of a session, in minutes"), min_value=15, max_value=8 * 60, initial=120
    )
    sessions = forms.IntegerField(
        label=_("Number of sessions, one a week"),
        min_value=1,
        max_value=MAX_SESSIONS,
        initial=4,
        required=False,
    )
    other_dates = forms.CharField(
        label=_("Or the dates of the other sessions, one per line (YYYY-MM-DD)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("When given, these dates are used instead of one session a week."),
    )
    capacity = forms.IntegerField(label=_("Places per session"), min_value=1, max_value=500)
    waitlist_enabled = forms.BooleanField(label=_("Waiting list"), required=False, initial=True)
    publish = forms.BooleanField(label=_("Publish now (otherwise saved as drafts)"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = managed_organisations(user)
        self.fields["organisation"].queryset = organisations
        self.fields["venue"].queryset = Venue.objects.filter(organisation__in=organisations)

    def clean_languages(self):
        codes = split_codes(self.cleaned_data["languages"])
        if not codes or not all(is_language_code(code) for code in codes):
            raise forms.ValidationError(_("Give language codes such as fr or fr,ar."))
        return join_codes(codes)

    def clean_other_dates(self):
        dates = []
        for line in self.cleaned_data["other_dates"].split():
            try:
                dates.append(datetime.strptime(line.strip(), "%Y-%m-%d").date())
            except ValueError:
                raise forms.ValidationError(
                    _("“%(value)s” is not a date like 2026-11-24."), params={"value": line}
                ) from None
        if len(dates) + 1 > MAX_SESSIONS:
            raise forms.ValidationError(
                ngettext(
                    "At most %(max)d session at once.",
                    "At most %(max)d sessions at once.",
                    MAX_SESSIONS,
                ),
                params={"max": MAX_SESSIONS},
            )
        return dates

    def clean(self):
        data = super().clean()
        organisation, venue = data.get("organisation"), data.get("venue")
        if venue and organisation and venue.organisation_id != organisation.pk:
            self.add_error("venue", _("Choose one of this organisation’s venues."))
        on_site = data.get("format") in (Workshop.Format.ON_SITE, Workshop.Format.HYBRID)
        if on_site and not venue and "venue" not in self.errors:
            self.add_error("venue", _("A session on site needs a venue."))
        no_dates = not data.get("other_dates") and not data.get("sessions")
        if no_dates and "sessions" not in self.errors:
            self.add_error("sessions", _("Give a number of sessions or their dates."))
        return data

    def timezone(self):
        venue = self.cleaned_data.get("venue")
        name = venue.territory.timezone if venue else "Europe/Paris"
        return zoneinfo.ZoneInfo(name)

    def starts(self, weekly_starts) -> list:
        data = self.cleaned_data
        tz = self.timezone()
        first = datetime.combine(data["first_date"], data["start_time"], tzinfo=tz)
        if data["other_dates"]:
            days = [data["first_date"], *data["other_dates"]]
            return sorted(datetime.combine(day, data["start_time"], tzinfo=tz) for day in set(days))
        return weekly_starts(first, data["sessions"])

    def duration(self) -> timedelta:
        return timedelta(minutes=self.cleaned_data["duration_minutes"])


class WalkInForm(PlainLabelsForm):
    """A family at the door: a first name, one contact, its places."""

    first_name = forms.CharField(label=_("First name"), max_length=80)
    contact = forms.CharField(
        label=_("E-mail or mobile phone"),
        max_length=254,
        help_text=_("To send the follow-up after the workshop."),
    )
    seats = forms.IntegerField(
        label=_("Places"), min_value=1, max_value=MAX_SEATS_PER_FAMILY, initial=1
    )

    def clean_contact(self):
        value = self.cleaned_data["contact"].strip()
        if "@" in value:
            try:
                validators.validate_email(value)
            except forms.ValidationError:
                raise forms.ValidationError(_("This e-mail address is not valid.")) from None
            return {"email": value}
        try:
            return {"phone": phones.normalise(value)}
        except phones.InvalidPhone:
            raise forms.ValidationError(
                _("Give an e-mail address or a mobile phone number.")
            ) from None
