"""Wagtail admin texts that Wagtail itself leaves in English: the login form's password label."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class AdminLoginForm(LoginForm):
    # Wagtail redeclares the field without a label, so Django names it "Password" from the
    # field name, in English in every language.
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"placeholder": _("Enter password")}),
        strip=False,
    )
