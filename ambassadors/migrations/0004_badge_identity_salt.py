import secrets

from django.db import migrations, models

import ambassadors.models


def give_each_badge_its_own_salt(apps, schema_editor):
    Badge = apps.get_model("ambassadors", "Badge")
    for badge in Badge.objects.only("pk"):
        Badge.objects.filter(pk=badge.pk).update(identity_salt=secrets.token_hex(16))


class Migration(migrations.Migration):
    dependencies = [("ambassadors", "0003_shared_topics")]

    operations = [
        migrations.AddField(
            model_name="badge",
            name="identity_salt",
            field=models.CharField(
                default=ambassadors.models._identity_salt, editable=False, max_length=32
            ),
        ),
        migrations.RunPython(give_each_badge_its_own_salt, migrations.RunPython.noop),
    ]
