"""Forms of the rooms' pages (they work without JavaScript; the consumer shares the services)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

MAX_LENGTH = settings.ROOMS_MESSAGE_MAX_LENGTH


class MessageForm(forms.Form):
    text = forms.CharField(
        label=_("Your message"),
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": MAX_LENGTH}),
        help_text=_("Phone numbers and e-mail addresses are hidden to protect families."),
    )


class HelpRequestForm(forms.Form):
    question = forms.CharField(
        label=_("Your question"),
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": MAX_LENGTH}),
    )
    is_private = forms.BooleanField(label=_("Only the ambassadors see my question"), required=False)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Why?"), max_length=500)


class MuteForm(forms.Form):
    DURATIONS = [
        (15, _("15 minutes")),
        (60, _("1 hour")),
        (24 * 60, _("1 day")),
        (7 * 24 * 60, _("7 days")),
    ]
    user_id = forms.IntegerField(widget=forms.HiddenInput)
    minutes = forms.TypedChoiceField(label=_("For how long"), choices=DURATIONS, coerce=int)
    reason = forms.CharField(label=_("Why?"), max_length=500)


class MemberForm(forms.Form):
    user_id = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Why?"), max_length=500)


class SlowModeForm(forms.Form):
    CHOICES = [
        (0, _("Off")),
        (10, _("10 seconds")),
        (30, _("30 seconds")),
        (60, _("1 minute")),
        (300, _("5 minutes")),
    ]
    seconds = forms.TypedChoiceField(
        label=_("Time between two messages of a person"), choices=CHOICES, coerce=int
    )
    reason = forms.CharField(label=_("Why?"), max_length=500, required=False)
