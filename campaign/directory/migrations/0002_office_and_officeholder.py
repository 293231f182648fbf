import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0001_move_directory_from_letters"),
    ]

    operations = [
        migrations.CreateModel(
            name="Office",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("code", models.CharField(max_length=20, unique=True, verbose_name="code")),
                ("title_en", models.CharField(max_length=300, verbose_name="title (English)")),
                (
                    "title_fr",
                    models.CharField(blank=True, max_length=300, verbose_name="title (French)"),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("head_of_government", "Head of government"),
                            ("minister", "Minister"),
                            ("secretary_of_state", "Secretary of State"),
                            ("other", "Other"),
                        ],
                        default="minister",
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated at")),
            ],
            options={
                "verbose_name": "office",
                "verbose_name_plural": "offices (the ministry)",
                "ordering": ["title_en"],
            },
        ),
        migrations.CreateModel(
            name="OfficeHolder",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200, verbose_name="name")),
                (
                    "started_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="in office since"
                    ),
                ),
                (
                    "ended_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="left office"),
                ),
                (
                    "email",
                    models.EmailField(
                        blank=True,
                        help_text="Leave blank to use the address of the MP of the same name.",
                        max_length=254,
                        verbose_name="email for letters",
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        choices=[
                            ("gc_open_data", "Government of Canada open data"),
                            ("csv", "CSV file"),
                            ("admin", "Entered by hand"),
                        ],
                        default="admin",
                        max_length=20,
                        verbose_name="source",
                    ),
                ),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated at")),
                (
                    "office",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="holders",
                        to="directory.office",
                        verbose_name="office",
                    ),
                ),
                (
                    "representative",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="offices",
                        to="directory.representative",
                        verbose_name="as Member of Parliament",
                    ),
                ),
            ],
            options={
                "verbose_name": "office holder",
                "verbose_name_plural": "office holders",
                "ordering": ["office", "-started_at"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("office", "name", "started_at"), name="office_holder_unique_tenure"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("ended_at__isnull", True),
                            ("ended_at__gte", models.F("started_at")),
                            _connector="OR",
                        ),
                        name="office_holder_ends_after_start",
                    ),
                ],
            },
        ),
    ]
