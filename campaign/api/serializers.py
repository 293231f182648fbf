"""How each resource reads as JSON, with OSDI's names where they fit (`created_date`,
`modified_date`, `given_name`, `family_name`, `postal_addresses`, `email_addresses`,
`outreaches`, `targets`).

Emails appear only for a caller allowed them (permissions.may_read_emails, passed as the
`emails` context): otherwise the field is null, never left out, so the shape is one.
"""

from dataclasses import asdict

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from campaign.api.people import Consent, person_id
from campaign.models import Call, Campaign
from letters.models import Letter, LetterRecipient
from petitions.models import Petition, Signature

ERASED_PREFIX = "erased-"  # letters.privacy: the key of a recipient row whose writer is erased


class ProblemSerializer(serializers.Serializer):
    """An error: what DRF answers with a 4xx."""

    detail = serializers.CharField()


class CampaignSerializer(serializers.ModelSerializer):
    created_date = serializers.DateTimeField(source="created_at")
    modified_date = serializers.DateTimeField(source="updated_at")
    url = serializers.SerializerMethodField()

    class Meta:
        model = Campaign
        fields = [
            "id", "slug", "title", "summary", "title_fr", "summary_fr", "language", "status",
            "published_at", "closed_at", "created_date", "modified_date", "url",
        ]  # fmt: skip

    def get_url(self, campaign: Campaign) -> str:
        """Its public page (a draft's gives 404 until it is published)."""
        return self._absolute(campaign.get_absolute_url())

    def _absolute(self, path: str) -> str:
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class PetitionSerializer(serializers.ModelSerializer):
    campaign = serializers.IntegerField(source="campaign_id")
    status = serializers.ChoiceField(choices=Petition.Status.choices)
    signature_count = serializers.IntegerField(
        help_text="Confirmed signatures not flagged as abuse: the public count."
    )
    created_date = serializers.DateTimeField(source="created_at")
    modified_date = serializers.DateTimeField(source="created_at")

    class Meta:
        model = Petition
        fields = [
            "id", "campaign", "slug", "title", "demand", "addressed_to", "title_fr",
            "demand_fr", "addressed_to_fr", "goal", "status", "signature_count",
            "created_date", "modified_date",
        ]  # fmt: skip


class ConsentSerializer(serializers.Serializer):
    """Newsletter consent (CASL) as given: the wording shown, when, on which page."""

    opted_in = serializers.BooleanField()
    scope = serializers.CharField(
        required=False,
        help_text="What it covers: `campaign:<id>` (a campaign's updates) or `newsletter`.",
    )
    wording = serializers.CharField(allow_blank=True)
    given_at = serializers.DateTimeField(allow_null=True)
    page = serializers.CharField(allow_blank=True)
    language = serializers.CharField(allow_blank=True)


class SignatureSerializer(serializers.ModelSerializer):
    petition = serializers.IntegerField(source="petition_id")
    person = serializers.SerializerMethodField()
    given_name = serializers.CharField(source="first_name")
    family_name = serializers.CharField(source="last_name")
    email = serializers.SerializerMethodField()
    newsletter_consent = serializers.SerializerMethodField()
    created_date = serializers.DateTimeField(source="created_at")
    modified_date = serializers.DateTimeField(source="confirmed_at")

    class Meta:
        model = Signature
        fields = [
            "id", "petition", "person", "given_name", "family_name", "email", "postal_code",
            "province", "riding_code", "riding_name", "comment", "comment_hidden", "show_name",
            "language", "source", "newsletter_consent", "created_date", "modified_date",
        ]  # fmt: skip

    def get_person(self, signature: Signature) -> str:
        """The signer's id in /people/."""
        return person_id(signature.email_key)

    def get_email(self, signature: Signature) -> str | None:
        """The address signed with: null unless the token may read emails."""
        return signature.email if self.context.get("emails") else None

    @extend_schema_field(ConsentSerializer)
    def get_newsletter_consent(self, signature: Signature) -> dict:
        return ConsentSerializer(
            {
                "opted_in": signature.newsletter_opt_in,
                "wording": signature.newsletter_consent_text,
                "given_at": signature.newsletter_consent_at,
                "page": signature.consent_page,
                "language": signature.language,
            }
        ).data


class PostalAddressSerializer(serializers.Serializer):
    postal_code = serializers.CharField(allow_blank=True)
    region = serializers.CharField(allow_blank=True, help_text="Province code, if known.")
    country = serializers.CharField()


class EmailAddressSerializer(serializers.Serializer):
    address = serializers.EmailField()
    primary = serializers.BooleanField()


class PersonSerializer(serializers.Serializer):
    """A supporter with a confirmed action (campaign.api.people)."""

    id = serializers.CharField()
    given_name = serializers.CharField(allow_blank=True)
    family_name = serializers.CharField(allow_blank=True)
    email_addresses = serializers.SerializerMethodField()
    postal_addresses = serializers.SerializerMethodField()
    languages_spoken = serializers.SerializerMethodField()
    newsletter_consent = serializers.SerializerMethodField()
    consents = serializers.SerializerMethodField()
    mail_suppressed = serializers.CharField(
        allow_blank=True,
        help_text="Why Chorus no longer emails them (unsubscribe, bounce, complaint…), or empty.",
    )
    signatures = serializers.IntegerField(help_text="Confirmed signatures.")
    outreaches = serializers.IntegerField(source="letters", help_text="Confirmed letters.")
    created_date = serializers.DateTimeField(source="created", help_text="First action.")
    modified_date = serializers.DateTimeField(source="modified", help_text="Latest action.")

    @extend_schema_field(EmailAddressSerializer(many=True, allow_null=True))
    def get_email_addresses(self, person) -> list | None:
        """Null unless the token may read emails."""
        if not self.context.get("emails"):
            return None
        return [{"address": person.email, "primary": True}]

    @extend_schema_field(PostalAddressSerializer(many=True))
    def get_postal_addresses(self, person) -> list:
        return [{"postal_code": person.postal_code, "region": person.province, "country": "CA"}]

    def get_languages_spoken(self, person) -> list[str]:
        return [person.language] if person.language else []

    @extend_schema_field(ConsentSerializer(allow_null=True))
    def get_newsletter_consent(self, person) -> dict | None:
        """Their consent in force in the ledger to the organisation's newsletter (scope
        `newsletter`), else their latest other one; null when they never gave one or withdrew
        it (an unsubscribe shows at once)."""
        consent = person.newsletter_consent
        return None if consent is None else _consent(consent)

    @extend_schema_field(ConsentSerializer(many=True))
    def get_consents(self, person) -> list[dict]:
        """Every consent of theirs in force in the ledger, one per scope, oldest first."""
        return [_consent(consent) for consent in person.consents]


def _consent(consent: Consent) -> dict:
    """A consent in force in the ledger, as ConsentSerializer shows it."""
    return ConsentSerializer({"opted_in": True, **asdict(consent)}).data


class OutreachTargetSerializer(serializers.ModelSerializer):
    """One recipient of a letter: who (an MP or a campaign target), never their address."""

    kind = serializers.SerializerMethodField()
    delivery = serializers.SerializerMethodField()
    sent_at = serializers.SerializerMethodField()

    class Meta:
        model = LetterRecipient
        fields = ["name", "role", "kind", "delivery", "sent_at"]

    def get_kind(self, recipient: LetterRecipient) -> str:
        """`mp` (the writer's Member of Parliament) or `target` (one of the campaign's)."""
        return "mp" if recipient.representative_id else "target"

    def _email(self, recipient: LetterRecipient):
        deliveries = self.context.get("deliveries", {})
        return deliveries.get(recipient.message_id) if recipient.message_id else None

    def get_delivery(self, recipient: LetterRecipient) -> str:
        """The outbox's status for this copy: queued, sending, sent, failed or cancelled
        (`unknown` before it was queued)."""
        email = self._email(recipient)
        return email.status if email else "unknown"

    def get_sent_at(self, recipient: LetterRecipient) -> str | None:
        email = self._email(recipient)
        if email is None or email.sent_at is None:
            return None
        return serializers.DateTimeField().to_representation(email.sent_at)


class OutreachSerializer(serializers.ModelSerializer):
    """A confirmed letter's metadata: never its subject or text."""

    campaign = serializers.IntegerField(source="campaign_id")
    template = serializers.CharField(source="template.slug")
    template_kind = serializers.CharField(source="template.kind")
    person = serializers.SerializerMethodField()
    riding_code = serializers.SerializerMethodField()
    targets = OutreachTargetSerializer(source="recipients", many=True)
    created_date = serializers.DateTimeField(source="created_at")
    modified_date = serializers.DateTimeField(source="confirmed_at")

    class Meta:
        model = Letter
        fields = [
            "id", "campaign", "template", "template_kind", "person", "riding_code", "language",
            "source", "status", "test_mode", "targets", "created_date", "modified_date",
        ]  # fmt: skip

    def get_person(self, letter: Letter) -> str | None:
        """The writer's id in /people/; null once their data was erased."""
        recipients = list(letter.recipients.all())
        if not letter.supporter_email or not recipients:
            return None
        key = recipients[0].supporter_key
        return None if key.startswith(ERASED_PREFIX) else person_id(key)

    def get_riding_code(self, letter: Letter) -> str:
        return letter.riding.code if letter.riding else ""


class CallSerializer(serializers.ModelSerializer):
    """One supporter's "I called" to one office (the supporter stays anonymous)."""

    call_page = serializers.IntegerField(source="page_id")
    call_page_slug = serializers.CharField(source="page.slug")
    campaign = serializers.IntegerField(source="page.campaign_id")
    target = serializers.IntegerField(source="target_id")
    target_name = serializers.CharField(source="target.name")
    target_role = serializers.CharField(source="target.role")
    created_date = serializers.DateTimeField(source="created_at")

    class Meta:
        model = Call
        fields = [
            "id", "call_page", "call_page_slug", "campaign", "target", "target_name",
            "target_role", "created_date",
        ]  # fmt: skip
