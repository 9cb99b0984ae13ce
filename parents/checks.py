"""System checks on account settings: allauth's, adapted; real senders in production; proxies."""

import ipaddress

from allauth.account import checks as allauth_checks
from django.conf import settings
from django.core.checks import Error, Tags, register, registry

# allauth asks for a required e-mail field whenever e-mail verification is mandatory, lest an
# account without one never get past the verification stage. Coéduc's accounts may have a
# phone number only: parents.stages lets those through once the phone is proven (by allauth's
# phone verification stage), so this one message does not apply.
PHONE_ONLY_ACCOUNTS_ALLOWED = (
    "ACCOUNT_EMAIL_VERIFICATION = 'mandatory' requires 'email*' in ACCOUNT_SIGNUP_FIELDS"
)

# Backends that print or keep messages in memory: sign-in codes and contacts would end up in a
# server's logs, and nobody would receive them.
DEVELOPMENT_SMS_BACKENDS = {"core.sms.ConsoleBackend", "core.sms.MemoryBackend"}
DEVELOPMENT_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
}


def allauth_settings_check(app_configs, **kwargs):
    return [
        message
        for message in allauth_checks.settings_check(app_configs, **kwargs)
        if message.msg != PHONE_ONLY_ACCOUNTS_ALLOWED
    ]


def replace_allauth_settings_check() -> None:
    registry.registry.registered_checks.discard(allauth_checks.settings_check)
    registry.registry.deployment_checks.discard(allauth_checks.settings_check)
    register(allauth_settings_check)


@register(Tags.security, deploy=True)
def real_senders_check(app_configs, **kwargs):
    """Outside DEBUG, sign-in codes go to people, not to the server's output."""
    if settings.DEBUG:
        return []
    errors = []
    if settings.SMS_BACKEND in DEVELOPMENT_SMS_BACKENDS:
        errors.append(
            Error(
                f"SMS_BACKEND is {settings.SMS_BACKEND} with DEBUG off: text messages (sign-in "
                "codes, phone numbers) would be printed in the server's log, not sent.",
                hint="Set SMS_BACKEND to a provider's backend (a subclass of "
                "core.sms.BaseBackend).",
                id="parents.E001",
            )
        )
    if settings.EMAIL_BACKEND in DEVELOPMENT_EMAIL_BACKENDS and settings.SITE_URL.startswith(
        "https://"
    ):
        errors.append(
            Error(
                f"EMAIL_BACKEND is {settings.EMAIL_BACKEND} on a public site: e-mails "
                "(sign-in codes, addresses, sign-up links) would be printed in the log.",
                hint="Set EMAIL_HOST (SMTP) or EMAIL_BACKEND.",
                id="parents.E002",
            )
        )
    return errors


@register(Tags.security)
def trusted_proxies_check(app_configs, **kwargs):
    errors = []
    for entry in settings.TRUSTED_PROXIES:
        try:
            ipaddress.ip_network(entry, strict=False)
        except ValueError:
            errors.append(
                Error(
                    f"TRUSTED_PROXIES holds {entry!r}, which is not an address or a network.",
                    hint="Comma-separated addresses or networks: 10.0.0.5,10.1.0.0/16.",
                    id="parents.E003",
                )
            )
    return errors
