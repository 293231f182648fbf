import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

"""The directory's ridings, members and FSAs move here from the letters app, tables and all.

State only: the tables keep their names (letters_riding, letters_representative,
letters_fsariding), so no row moves. Their content types are renamed, so permissions already
granted on them (letters 0003) still hold.
"""

MOVED = ["riding", "representative", "fsariding"]


def rename_content_types(apps, schema_editor, old="letters", new="directory"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if not ContentType.objects.filter(app_label=new, model=model).exists():
            ContentType.objects.filter(app_label=old, model=model).update(app_label=new)


def restore_content_types(apps, schema_editor):
    rename_content_types(apps, schema_editor, old="directory", new="letters")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("letters", "0004_remove_letter_flagged_similar"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Riding",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("code", models.CharField(max_length=5, unique=True, verbose_name="code")),
                        (
                            "name_en",
                            models.CharField(max_length=200, verbose_name="name (English)"),
                        ),
                        (
                            "name_fr",
                            models.CharField(
                                blank=True, max_length=200, verbose_name="name (French)"
                            ),
                        ),
                        (
                            "province",
                            models.CharField(
                                choices=[
                                    ("NL", "Newfoundland and Labrador"),
                                    ("PE", "Prince Edward Island"),
                                    ("NS", "Nova Scotia"),
                                    ("NB", "New Brunswick"),
                                    ("QC", "Quebec"),
                                    ("ON", "Ontario"),
                                    ("MB", "Manitoba"),
                                    ("SK", "Saskatchewan"),
                                    ("AB", "Alberta"),
                                    ("BC", "British Columbia"),
                                    ("YT", "Yukon"),
                                    ("NT", "Northwest Territories"),
                                    ("NU", "Nunavut"),
                                ],
                                max_length=2,
                                verbose_name="province",
                            ),
                        ),
                        (
                            "updated_at",
                            models.DateTimeField(auto_now=True, verbose_name="updated at"),
                        ),
                    ],
                    options={
                        "verbose_name": "riding",
                        "verbose_name_plural": "ridings",
                        "db_table": "letters_riding",
                        "ordering": ["name_en"],
                        "indexes": [
                            models.Index(fields=["province", "name_en"], name="riding_province_idx")
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="Representative",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "key",
                            models.CharField(
                                editable=False, max_length=300, unique=True, verbose_name="key"
                            ),
                        ),
                        ("name", models.CharField(max_length=200, verbose_name="name")),
                        (
                            "first_name",
                            models.CharField(blank=True, max_length=100, verbose_name="first name"),
                        ),
                        (
                            "last_name",
                            models.CharField(blank=True, max_length=100, verbose_name="last name"),
                        ),
                        (
                            "riding_code",
                            models.CharField(blank=True, max_length=5, verbose_name="riding code"),
                        ),
                        (
                            "riding_name_en",
                            models.CharField(max_length=200, verbose_name="riding (English)"),
                        ),
                        (
                            "riding_name_fr",
                            models.CharField(
                                blank=True, max_length=200, verbose_name="riding (French)"
                            ),
                        ),
                        (
                            "province",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("NL", "Newfoundland and Labrador"),
                                    ("PE", "Prince Edward Island"),
                                    ("NS", "Nova Scotia"),
                                    ("NB", "New Brunswick"),
                                    ("QC", "Quebec"),
                                    ("ON", "Ontario"),
                                    ("MB", "Manitoba"),
                                    ("SK", "Saskatchewan"),
                                    ("AB", "Alberta"),
                                    ("BC", "British Columbia"),
                                    ("YT", "Yukon"),
                                    ("NT", "Northwest Territories"),
                                    ("NU", "Nunavut"),
                                ],
                                max_length=2,
                                verbose_name="province",
                            ),
                        ),
                        (
                            "party",
                            models.CharField(blank=True, max_length=100, verbose_name="party"),
                        ),
                        (
                            "email",
                            models.EmailField(blank=True, max_length=254, verbose_name="email"),
                        ),
                        (
                            "photo_url",
                            models.URLField(blank=True, max_length=500, verbose_name="photo"),
                        ),
                        (
                            "source",
                            models.CharField(
                                choices=[
                                    ("represent_api", "Represent API"),
                                    ("represent_json", "Represent JSON file"),
                                    ("hoc_xml", "House of Commons XML"),
                                    ("csv", "CSV file"),
                                    ("admin", "Entered by hand"),
                                ],
                                max_length=20,
                                verbose_name="source",
                            ),
                        ),
                        (
                            "is_current",
                            models.BooleanField(
                                db_index=True, default=True, verbose_name="current member"
                            ),
                        ),
                        (
                            "updated_at",
                            models.DateTimeField(auto_now=True, verbose_name="updated at"),
                        ),
                        (
                            "riding",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="representatives",
                                to="directory.riding",
                                verbose_name="riding",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "representative",
                        "verbose_name_plural": "representatives",
                        "db_table": "letters_representative",
                        "ordering": ["name"],
                    },
                ),
                migrations.CreateModel(
                    name="FsaRiding",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("fsa", models.CharField(db_index=True, max_length=3, verbose_name="FSA")),
                        (
                            "updated_at",
                            models.DateTimeField(auto_now=True, verbose_name="updated at"),
                        ),
                        (
                            "riding",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="fsas",
                                to="directory.riding",
                                verbose_name="riding",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "FSA to riding",
                        "verbose_name_plural": "FSAs to ridings",
                        "db_table": "letters_fsariding",
                        "ordering": ["fsa", "riding__name_en"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("fsa", "riding"), name="fsa_riding_unique_pair"
                            )
                        ],
                    },
                ),
            ],
        ),
        migrations.RunPython(rename_content_types, restore_content_types),
    ]
