"""The editorial flow: editors publish; a review step exists but is optional.

Wagtail's defaults gave the Editors group no publish permission and put every page under the
"Moderators approval" workflow (its name stored untranslated), so a content team could write
but never publish. Editors now publish on the whole tree; the review workflow is kept, renamed,
and assigned to no page: a team that wants a review step assigns it to a section
(Settings → Workflows).
"""

from django.db import migrations

REVIEW_WORKFLOW = "Relecture avant publication"
REVIEW_TASK = "Relecture par les modérateurs"


def editors_publish(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Task = apps.get_model("wagtailcore", "Task")

    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    publish, _ = Permission.objects.get_or_create(
        content_type=page_type, codename="publish_page", defaults={"name": "Can publish any page"}
    )
    editors, _ = Group.objects.get_or_create(name="Editors")
    for root in Page.objects.filter(depth=1):
        GroupPagePermission.objects.get_or_create(group=editors, page=root, permission=publish)

    for workflow in Workflow.objects.filter(name="Moderators approval"):
        WorkflowPage.objects.filter(workflow=workflow).delete()
        workflow.name = REVIEW_WORKFLOW
        workflow.save(update_fields=["name"])
    Task.objects.filter(name="Moderators approval").update(name=REVIEW_TASK)


def moderators_approve(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Page = apps.get_model("wagtailcore", "Page")
    Task = apps.get_model("wagtailcore", "Task")
    GroupPagePermission.objects.filter(
        group__name="Editors", permission__codename="publish_page", page__depth=1
    ).delete()
    Task.objects.filter(name=REVIEW_TASK).update(name="Moderators approval")
    for workflow in Workflow.objects.filter(name=REVIEW_WORKFLOW):
        workflow.name = "Moderators approval"
        workflow.save(update_fields=["name"])
        for root in Page.objects.filter(depth=1):
            WorkflowPage.objects.get_or_create(page=root, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("guides", "0003_shared_topic_labels"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(editors_publish, moderators_approve)]
