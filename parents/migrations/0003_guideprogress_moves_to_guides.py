# GuideProgress moves to the guides app; its table (parents_guideprogress) stays where it is.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('parents', '0002_guideprogress'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='GuideProgress')],
            database_operations=[],
        ),
    ]
