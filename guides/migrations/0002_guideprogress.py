# GuideProgress comes from the parents app; its table (parents_guideprogress) stays where it is.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('guides', '0001_initial'),
        ('parents', '0002_guideprogress'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='GuideProgress',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('completed_steps', models.JSONField(blank=True, default=list, verbose_name='steps done')),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('completed_at', models.DateTimeField(blank=True, null=True, verbose_name='completed at')),
                        ('page', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.page')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='guide_progress', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'guide progress',
                        'verbose_name_plural': 'guide progress',
                        'db_table': 'parents_guideprogress',
                        'constraints': [models.UniqueConstraint(fields=('user', 'page'), name='unique_guide_progress')],
                    },
                ),
            ],
        ),
    ]
