from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "letters"
    verbose_name = _("Letters")

    def ready(self) -> None:
        from campaign.dashboards.registry import dashboard_source_register
        from campaign.outbox import (
            PurposeKind,
            after_sent_register,
            purpose_register,
            template_register,
        )
        from campaign.privacy.registry import holder_register
        from letters import (
            checks,  # noqa: F401 - registers the system checks
            dashboard,
            emails,
            events,
            privacy,
        )
        from letters.purposes import LetterPurpose

        holder_register(privacy.HOLDER)
        dashboard_source_register(dashboard.SOURCE)

        for purpose in LetterPurpose:
            purpose_register(
                purpose,
                kind=PurposeKind.TRANSACTIONAL,
                # The letter goes to an office's public address, kept with its delivery record.
                to_supporter=purpose != LetterPurpose.LETTER,
            )
        template_register(
            emails.CONFIRMATION_TEMPLATE,
            emails.confirmation_context,
            related=emails.letters_with_recipients,
            decide=emails.confirmation_decide,
        )
        template_register(
            emails.ALREADY_WRITTEN_TEMPLATE,
            emails.already_written_context,
            related=emails.letters_with_recipients,
            decide=emails.already_written_decide,
        )
        # Tell the organisation's systems (webhooks) when each letter's email has left.
        after_sent_register(
            LetterPurpose.LETTER, events.letter_email_sent, wanted=events.letter_sent_wanted
        )
