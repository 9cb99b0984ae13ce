"""allauth adapter: where allauth keeps a person's phone number and how it sends codes by SMS."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import translation
from django.utils.translation import gettext

from core.sms import send_sms

from .client_ip import client_ip
from .models import User


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        # A parent without e-mail signs up with a phone only: it must be on the user before
        # the first save (allauth would set it afterwards), or the "e-mail or phone" rule fails.
        if phone := form.cleaned_data.get("phone"):
            user.phone = phone
        return super().save_user(request, user, form, commit)

    def get_from_email(self):
        return settings.DEFAULT_FROM_EMAIL

    def render_mail(self, template_prefix, email, context, headers=None):
        context = {**context, "SITE_URL": settings.SITE_URL}
        return super().render_mail(template_prefix, email, context, headers=headers)

    def set_phone(self, user, phone: str, verified: bool) -> None:
        user.phone = phone
        user.phone_verified = verified
        user.save(update_fields=["phone", "phone_verified"])

    def get_phone(self, user) -> tuple[str, bool] | None:
        if user.phone:
            return user.phone, user.phone_verified
        return None

    def set_phone_verified(self, user, phone: str) -> None:
        self.set_phone(user, phone, True)

    def get_user_by_phone(self, phone: str):
        return User.objects.filter(phone=phone).order_by("pk").first()

    def send_verification_code_sms(self, user, phone: str, code: str, **kwargs) -> None:
        # To this number only (not the account's e-mail), at once: a code never waits in
        # the task queue's table (core.notify, `now=True`).
        from core.notify import Recipient, notify

        language = getattr(user, "preferred_language", None) or translation.get_language()
        recipient = Recipient.guest(phone=phone, language=language)
        notify(recipient, "parents.sign_in_code", {"code": code}, now=True)

    def send_unknown_account_sms(self, phone: str, **kwargs) -> None:
        from core.notify import Recipient, notify

        recipient = Recipient.guest(phone=phone, language=translation.get_language())
        notify(recipient, "parents.unknown_account", now=True)

    def send_account_already_exists_sms(self, phone: str, **kwargs) -> None:
        # Sign-up with a number that has an account: the page says the same as for a new one
        # (no enumeration); the number's owner is told, and is the only one who can sign in.
        send_sms(
            phone,
            gettext(
                "Coéduc: someone tried to create an account with this number, but it already "
                "has one. To sign in, choose “Sign in with a code”. If it was not you, "
                "ignore this message."
            ),
        )

    def get_client_ip(self, request) -> str:
        # Behind the trusted proxies (TRUSTED_PROXIES): allauth's per-address rate limits, and
        # the guest sign-up limit that asks allauth, count each family, not the load balancer.
        ip = client_ip(request)
        if not ip:
            raise PermissionDenied("Unable to determine client IP address")
        return ip

    def get_login_stages(self) -> list[str]:
        # E-mail verification is mandatory, but an account may have a phone number only.
        return [
            "parents.stages.EmailVerificationStage"
            if path == "allauth.account.stages.EmailVerificationStage"
            else path
            for path in super().get_login_stages()
        ]

    def phone_form_field(self, **kwargs):
        from .forms import PhoneNumberField

        return PhoneNumberField(**kwargs)
