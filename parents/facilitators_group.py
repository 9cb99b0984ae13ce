"""Keeps the "Facilitators" group (Wagtail admin access) in step with organisation memberships.

Memberships are this app's own rows; the group carries only Wagtail's "access the admin"
permission (what facilitators see there is scoped by each app's viewsets). The group itself
is created by the workshops' migration 0003. Nothing happens while fixtures or serialized
test data are loaded (`raw`): the rows loaded carry their own group memberships.
"""

from django.contrib.auth.models import Group

FACILITATORS_GROUP = "Facilitators"


def membership_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    group = Group.objects.filter(name=FACILITATORS_GROUP).first()
    if group:
        instance.user.groups.add(group)


def membership_deleted(sender, instance, **kwargs):
    if sender.objects.filter(user_id=instance.user_id).exists():
        return
    group = Group.objects.filter(name=FACILITATORS_GROUP).first()
    if group:
        group.user_set.remove(instance.user_id)


def connect() -> None:
    from django.db.models.signals import post_delete, post_save

    from .models import OrganisationMembership

    post_save.connect(
        membership_saved, sender=OrganisationMembership, dispatch_uid="parents.membership_saved"
    )
    post_delete.connect(
        membership_deleted,
        sender=OrganisationMembership,
        dispatch_uid="parents.membership_deleted",
    )
