"""Forms about people: signing up, the account page, phone numbers."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core import phones

from .models import Territory, User


class PhoneNumberField(forms.CharField):
    """A French mobile number typed the way people type it ("06 12 34 56 78", "0690 12 34 56",
    "+590 690…"), stored as E.164. Every form that takes a phone number uses this field, so
    all of them read numbers the same way (core.phones)."""

    default_error_messages = {
        "invalid": _("This is not a valid phone number. Example: 06 12 34 56 78."),
        "not_mobile": _(
            "This looks like a landline number. We send text messages, so give a mobile "
            "number (starting with 06 or 07)."
        ),
    }

    def __init__(self, *, mobile_only: bool = True, **kwargs):
        self.mobile_only = mobile_only
        kwargs.setdefault("label", _("Mobile phone"))
        kwargs.setdefault("max_length", 30)
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel", "dir": "ltr"}
            ),
        )
        kwargs.pop("validators", None)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        # A stored "+33612345601" is shown back as people write it: "06 12 34 56 01".
        if isinstance(value, str) and value.startswith("+"):
            return phones.format_national(value)
        return value

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return value
        try:
            return phones.normalise(value, mobile=self.mobile_only)
        except phones.NotMobile as error:
            raise forms.ValidationError(
                self.error_messages["not_mobile"], code="not_mobile"
            ) from error
        except phones.InvalidPhone as error:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from error


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
