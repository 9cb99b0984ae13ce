"""What happens when a sign-in code proves a contact: a password set before stops working."""

from allauth.account.models import EmailAddress
from allauth.account.signals import authentication_step_completed
from django.dispatch import receiver

from .services import contact_proven_by_code


@receiver(authentication_step_completed, dispatch_uid="parents.code_proves_contact")
def code_proves_contact(sender, request, method, user, email=None, phone=None, **kwargs):
    # Sent by allauth just before it marks the contact verified: "not verified yet" here means
    # this code is the first proof that the person at this address owns the account.
    if method != "code":
        return
    first_proof = False
    if (
        email
        and not EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()
    ):
        first_proof = True
    if phone and not (user.phone == phone and user.phone_verified):
        first_proof = True
    if first_proof:
        contact_proven_by_code(user, email=email, phone=phone)
