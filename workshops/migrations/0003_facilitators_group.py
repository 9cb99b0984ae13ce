"""The "Facilitators" group: lets members of an organisation into the Wagtail admin.

What they see there is scoped to their organisations by `workshops.viewsets`; the group only
carries Wagtail's "access the admin" permission. Membership follows `OrganisationMembership`
(see `parents.facilitators_group`).
"""

from django.db import migrations

GROUP = "Facilitators"


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Membership = apps.get_model("parents", "OrganisationMembership")
    group, _created = Group.objects.get_or_create(name=GROUP)
    access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if access:
        group.permissions.add(access)
    for user_id in Membership.objects.values_list("user_id", flat=True).distinct():
        group.user_set.add(user_id)


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0002_workshopseries_and_more"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("parents", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
