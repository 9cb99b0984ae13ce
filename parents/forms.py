"""Forms about people: signing up, the account page, phone numbers."""

import phonenumbers
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import Territory, User

DEFAULT_PHONE_REGION = "FR"


class PhoneNumberField(forms.CharField):
    """A mobile number typed the way people type it ("06 12 34 56 78"), stored as E.164."""

    default_error_messages = {
        "invalid": _("This is not a valid phone number. Example: 06 12 34 56 78."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Mobile phone"))
        kwargs.setdefault("max_length", 30)
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
        )
        kwargs.pop("validators", None)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return value
        try:
            number = phonenumbers.parse(value, DEFAULT_PHONE_REGION)
        except phonenumbers.NumberParseException as error:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from error
        if not phonenumbers.is_valid_number(number):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class ProfileFieldsMixin(forms.Form):
    display_name = forms.CharField(
        label=_("Your first name"),
        max_length=80,
        help_text=_("It is the name other people will see."),
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    territory = forms.ModelChoiceField(
        label=_("Your département"),
        queryset=Territory.objects.all(),
        required=False,
        empty_label=_("Not in this list"),
    )
    preferred_language = forms.ChoiceField(
        label=_("Language for our messages"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
    )


class SignupForm(ProfileFieldsMixin):
    """Extra fields of allauth's signup form. allauth adds e-mail, phone and password."""

    def clean(self):
        cleaned_data = super().clean()
        if not self.errors and not (cleaned_data.get("email") or cleaned_data.get("phone")):
            raise forms.ValidationError(
                _("Give an e-mail address or a mobile phone number, so we can send you a code."),
                code="no_contact",
            )
        return cleaned_data

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"]
        user.territory = self.cleaned_data.get("territory")
        user.preferred_language = self.cleaned_data["preferred_language"]
        user.save(update_fields=["display_name", "territory", "preferred_language"])


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "territory", "preferred_language"]
        labels = {
            "display_name": _("Your first name"),
            "territory": _("Your département"),
            "preferred_language": _("Language for our messages"),
        }
