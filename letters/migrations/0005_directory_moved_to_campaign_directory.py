import django.db.models.deletion
from django.db import migrations, models

"""Ridings, representatives and FSAs now belong to campaign.directory (see its 0001).

State only: letters' foreign keys point at the same tables under their new owner.
"""


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0001_move_directory_from_letters"),
        ("letters", "0004_remove_letter_flagged_similar"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="representative",
                    name="riding",
                ),
                migrations.AlterField(
                    model_name="letterrecipient",
                    name="representative",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="letters",
                        to="directory.representative",
                    ),
                ),
                migrations.AlterField(
                    model_name="letter",
                    name="riding",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="letters",
                        to="directory.riding",
                        verbose_name="riding",
                    ),
                ),
                migrations.DeleteModel(
                    name="FsaRiding",
                ),
                migrations.DeleteModel(
                    name="Representative",
                ),
                migrations.DeleteModel(
                    name="Riding",
                ),
            ],
        ),
    ]
