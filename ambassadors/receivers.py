"""What the path hears from lower apps: a guide completed, an attendance taken.

Evidence itself is always read from the rows (`criteria`); these only restart the
inactivity clock and let automatic stages move on, after the other app's commit.
"""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from guides.events import guide_completed
from workshops.events import attendance_recorded

from .models import Charter, Volunteer


def _evidence_arrived(user_id) -> None:
    def run():
        from . import services

        volunteer_id = (
            Volunteer.objects.active().filter(user_id=user_id).values_list("pk", flat=True).first()
        )
        if volunteer_id is not None:
            services.touch(user_id)
            services.advance_automatically([volunteer_id])

    transaction.on_commit(run, robust=True)


@receiver(guide_completed, dispatch_uid="ambassadors_guide_completed")
def on_guide_completed(sender, user, **kwargs):
    if kwargs.get("is_training_guide", True) and user is not None:
        _evidence_arrived(user.pk)


@receiver(attendance_recorded, dispatch_uid="ambassadors_attendance")
def on_attendance(sender, user_ids, **kwargs):
    for user_id in user_ids:
        _evidence_arrived(user_id)


@receiver(post_save, sender=Charter, dispatch_uid="ambassadors_new_charter")
def on_new_charter(sender, instance, created, **kwargs):
    if created and not kwargs.get("raw"):
        from . import services

        services.ask_to_sign_again(instance)
