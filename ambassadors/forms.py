"""Forms of the ambassador path: apply, decide, deactivate, ask for help, log a session."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.languages import SPOKEN_LANGUAGES
from core.vocabularies import Topic
from core.widgets import NativeDateInput
from parents.models import Territory

from .models import Stage


class ApplicationForm(forms.Form):
    motivation = forms.CharField(
        label=_("Why would you like to help other families?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A few sentences are enough."),
    )
    availability = forms.CharField(
        label=_("When are you available?"),
        max_length=200,
        help_text=_("For example: Wednesday afternoons, or two evenings a month."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        choices=SPOKEN_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        initial=["fr"],
    )
    topics = forms.MultipleChoiceField(
        label=_("What you could help with"),
        choices=Topic.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    territory = forms.ModelChoiceField(
        label=_("Your territory"), queryset=Territory.objects.all(), empty_label=None
    )
    commune = forms.CharField(label=_("Your commune"), max_length=120, required=False)
    in_directory = forms.BooleanField(
        label=_(
            "Once I am an ambassador, show my first name, languages, topics and commune in "
            "the ambassador directory of my territory (never my contact details)."
        ),
        required=False,
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that Coéduc keeps these answers and my path (workshops attended, guides "
            "completed) so that facilitators of my territory can accompany me."
        ),
    )


class DecisionForm(forms.Form):
    APPROVE, MORE, DECLINE = "approve", "more", "declined"
    decision = forms.ChoiceField(
        label=_("Your decision"),
        choices=[
            (APPROVE, _("Approve: move to the next stage")),
            (MORE, _("Ask for more")),
            (DECLINE, _("Decline")),
        ],
        widget=forms.RadioSelect,
    )
    to_stage = forms.ModelChoiceField(queryset=Stage.objects.all(), widget=forms.HiddenInput)
    message = forms.CharField(
        label=_("Message to the volunteer"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required to ask for more or to decline."),
    )
    override_reason = forms.CharField(
        label=_("Reason for an exception"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only if you approve although some evidence is missing. It is recorded."),
    )


class DeactivateForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the deactivation"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MentoringRequestForm(forms.Form):
    topic = forms.ChoiceField(label=_("What would you like help with?"), choices=Topic.choices)
    message = forms.CharField(
        label=_("A few words about your question (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Do not write phone numbers or passwords here."),
    )
    territory = forms.ModelChoiceField(
        label=_("Your territory"), queryset=Territory.objects.all(), empty_label=None
    )


class SessionForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=NativeDateInput(), initial=timezone.localdate)
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"), min_value=5, max_value=600, initial=30
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics"), choices=Topic.choices, widget=forms.CheckboxSelectMultiple
    )
    private_note = forms.CharField(
        label=_("Private note (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Seen only by you and the facilitators of your territory."),
    )


class AssignForm(forms.Form):
    ambassador = forms.IntegerField(widget=forms.HiddenInput)
