"""Confirmed signatures that opted in before the consent ledger existed get their ledger row:
the wording, language and page stored at signing, confirmed (double opt-in) at confirmation."""

from django.db import migrations

from campaign.identities import mailbox_hash, mailbox_key

SOURCE_PREFIX = "signature:"


def backfill(apps, schema_editor):
    Signature = apps.get_model("petitions", "Signature")
    ConsentEvent = apps.get_model("consent", "ConsentEvent")
    signatures = (
        Signature.objects.filter(newsletter_opt_in=True, confirmed_at__isnull=False)
        .exclude(email="")
        .values_list(
            "pk",
            "email",
            "petition__campaign_id",
            "newsletter_consent_text",
            "language",
            "consent_page",
            "confirmed_at",
        )
        .order_by("pk")
    )
    batch = []
    for pk, email, campaign_id, wording, language, page, confirmed_at in signatures.iterator(
        chunk_size=2000
    ):
        batch.append(
            ConsentEvent(
                mailbox_key=mailbox_key(email),
                mailbox_hash=mailbox_hash(email),
                address=email,
                scope=f"campaign:{campaign_id}",
                action="given",
                wording=wording,
                language=language[:8],
                page=page[:300],
                method="double_opt_in",
                source=f"{SOURCE_PREFIX}{pk}",
                recorded_at=confirmed_at,
            )
        )
        if len(batch) >= 2000:
            ConsentEvent.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    ConsentEvent.objects.bulk_create(batch, ignore_conflicts=True)


def unfill(apps, schema_editor):
    ConsentEvent = apps.get_model("consent", "ConsentEvent")
    ConsentEvent.objects.filter(
        source__startswith=SOURCE_PREFIX, action="given", method="double_opt_in"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0014_target_update_purpose"),
        ("consent", "0001_initial"),
    ]

    operations = [migrations.RunPython(backfill, unfill)]
