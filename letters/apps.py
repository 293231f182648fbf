from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "letters"
    verbose_name = _("Letters")

    def ready(self) -> None:
        from campaign.dashboards.registry import dashboard_source_register
        from campaign.outbox.hooks import after_sent_register
        from campaign.outbox.models import OutboundEmail
        from campaign.outbox.rendering import template_register
        from campaign.privacy.registry import holder_register
        from letters import (
            checks,  # noqa: F401 - registers the system checks
            dashboard,
            emails,
            events,
            privacy,
        )

        holder_register(privacy.HOLDER)
        dashboard_source_register(dashboard.SOURCE)

        template_register(
            emails.CONFIRMATION_TEMPLATE,
            emails.confirmation_context,
            related=emails.letters_with_recipients,
        )
        template_register(
            emails.ALREADY_WRITTEN_TEMPLATE,
            emails.already_written_context,
            related=emails.letters_with_recipients,
        )
        # Tell the organisation's systems (webhooks) when each letter's email has left.
        after_sent_register(OutboundEmail.Purpose.LETTER, events.letter_email_sent)
