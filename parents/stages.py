"""allauth sign-in stages adapted to accounts known by a phone number only."""

from allauth.account import stages
from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress


class EmailVerificationStage(stages.EmailVerificationStage):
    """allauth's mandatory e-mail verification, except for an account that has no e-mail
    address at all: its phone number was proven by the phone verification stage before."""

    def handle(self):
        user = self.login.user
        if user and not self.login.email and not _has_email(user):
            phone = get_adapter().get_phone(user)
            if phone and phone[1]:
                return None, True
        return super().handle()


def _has_email(user) -> bool:
    return bool(user.email) or EmailAddress.objects.filter(user=user).exists()
