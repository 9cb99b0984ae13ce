"""allauth's sign-in forms, adjusted: phone numbers read by core.phones, no 500 on empty input.

Apart from parents/forms.py because allauth's forms module imports that one (the signup form).
"""

import contextlib

from allauth.account import forms as allauth_forms
from django import forms
from django.utils.translation import gettext_lazy as _

from core import phones


class RequestLoginCodeForm(allauth_forms.RequestLoginCodeForm):
    """allauth's form, with a clear message when both fields are empty (it raised a 500)."""

    _user = None

    def clean(self):
        cleaned_data = super().clean()
        if not self.errors and not (cleaned_data.get("email") or cleaned_data.get("phone")):
            raise forms.ValidationError(
                _("Give an e-mail address or a mobile phone number, so we can send you a code."),
                code="no_contact",
            )
        return cleaned_data


class LoginForm(allauth_forms.LoginForm):
    """allauth's password sign-in, reading a phone number the same way as every other form."""

    def user_credentials(self) -> dict:
        credentials = super().user_credentials()
        if credentials.get("phone"):
            # Unreadable: allauth answers "wrong login or password", as for any unknown login.
            with contextlib.suppress(phones.InvalidPhone):
                credentials["phone"] = phones.normalise(credentials["phone"], mobile=False)
        return credentials
