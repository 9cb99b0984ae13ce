"""Background work of the ambassador path: telling people what happened (e-mail or SMS)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from core.sms import send_sms


def _message(event: str, context: dict) -> str:
    messages = {
        "stage": _("Good news: you have reached a new stage of the ambassador path."),
        "review": _("A facilitator has answered about your ambassador path."),
        "deactivated": _("Your ambassador role has ended. Thank you for your help."),
        "inactive": _(
            "We have not seen you for a while on Coéduc. Families still need you: "
            "come back when you can, or tell us if you want to stop."
        ),
        "charter": _("The ambassadors’ charter has changed. Please read it and sign it again."),
        "mentoring_request": _("A family would like you to accompany them."),
        "mentoring_accepted": _("An ambassador has accepted to accompany you."),
        "mentoring_declined": _(
            "The ambassador cannot accompany you at the moment. You can ask someone else."
        ),
        "mentoring_closed": _("Your mentorship is closed. Did it help? Tell us in one tap."),
    }
    return messages[event]


def _link(event: str) -> str:
    name = "ambassadors:mentoring" if event.startswith("mentoring") else "ambassadors:path"
    return f"{settings.SITE_URL}{reverse(name)}"


@task()
def notify_person(user_id: int, event: str, context: dict) -> None:
    """Tell a person, in their language, what changed on the path or in a mentorship."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return
    with translation.override(user.preferred_language):
        text = f"{_message(event, context)}\n{_link(event)}"
        if user.email:
            send_mail(_("Coéduc ambassador path"), text, None, [user.email])
        elif user.phone:
            send_sms(user.phone, text)
