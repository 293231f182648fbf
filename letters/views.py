"""Public pages of the letters app: find your MP, write, preview, confirm, follow delivery.

Views authorise, bind a form, call one service and render or redirect. The page state between
steps (postal code, riding) travels in the query string or hidden fields, never in a session,
so every step works without JavaScript and can be bookmarked.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from campaign import previews
from campaign.consent.wording import CAMPAIGN_UPDATES_CONSENT, ORGANISATION_NEWSLETTER_CONSENT
from campaign.directory.lookup import RidingLookup, riding_chosen, ridings_for_postal_code
from campaign.embeds import embed_of
from campaign.languages import current_language
from campaign.sharing import source_of, with_source
from letters import composing, selectors, services
from letters.forms import LetterForm, PostalCodeForm, RidingChoiceForm
from letters.models import LetterTemplate
from letters.throttle import letter_submit_throttled


def _namespace(request) -> str:
    """Where the next step is: the site's pages, or the same pages in a partner's frame
    (letters.embed_views)."""
    return "letters_embed" if embed_of(request) else "letters"


def _step_url(request, step: str, template: LetterTemplate, **params) -> str:
    url = reverse(
        f"{_namespace(request)}:{step}",
        kwargs={"campaign": template.campaign.slug, "template": template.slug},
    )
    return f"{url}?{urlencode(params)}" if params else url


@require_http_methods(["GET", "POST"])
@previews.previewable
def letter_start(request, campaign: str, template: str):
    """Step 1 for a letter to your MP (alone or with others): the postal code. Fixed-recipient
    letters skip it."""
    letter_template = previews.public_or_preview(
        request,
        selectors.letter_template_get_public,
        campaign_slug=campaign,
        template_slug=template,
    )
    source = source_of(request)
    if not letter_template.writes_to_mp:
        return redirect(with_source(_step_url(request, "write", letter_template), source))
    form = PostalCodeForm(request.POST or None, initial={"source": source})
    if request.method == "POST" and form.is_valid():
        lookup = ridings_for_postal_code(form.cleaned_data["postal_code"])
        if lookup.is_certain:
            url = _step_url(
                request,
                "write",
                letter_template,
                postal_code=lookup.postal_code,
                riding=lookup.ridings[0].code,
            )
            return redirect(with_source(url, source))
        return _render_choose(request, letter_template, lookup, source)
    return render(request, "letters/start.html", {"template": letter_template, "form": form})


def _render_choose(request, letter_template: LetterTemplate, lookup: RidingLookup, source: str):
    form = RidingChoiceForm(
        initial={"postal_code": lookup.postal_code, "source": source},
        ridings=lookup.choices,
        auto_id="choose_%s",
    )
    return render(
        request,
        "letters/choose.html",
        {
            "template": letter_template,
            "form": form,
            "lookup": lookup,
            "write_url": _step_url(request, "write", letter_template),
        },
    )


# Pages holding a supporter's letter: `private, no-store` (never_cache), so no proxy or shared
# browser cache keeps them.
@never_cache
@require_http_methods(["GET", "POST"])
@previews.previewable
def letter_write(request, campaign: str, template: str):
    """Steps 2 to 3: compose the letter (prefilled), preview it exactly, then send it. Staff
    previewing a draft campaign go through every step but the sending."""
    letter_template = previews.public_or_preview(
        request,
        selectors.letter_template_get_public,
        campaign_slug=campaign,
        template_slug=template,
    )
    riding, postal_code = None, ""
    if letter_template.writes_to_mp:
        step_one = request.POST if request.method == "POST" else request.GET
        found = riding_chosen(
            postal_code=step_one.get("postal_code", ""), riding_code=step_one.get("riding", "")
        )
        if found is None:
            messages.error(request, _("Enter your postal code to find your MP."))
            return redirect(_step_url(request, "start", letter_template))
        postal_code, riding = found
    recipients = selectors.recipients_for(template=letter_template, riding=riding)
    context = {
        "template": letter_template,
        "riding": riding,
        "recipients": recipients,
        "mp_missing": selectors.mp_missing(template=letter_template, recipients=recipients),
    }
    if not recipients:
        return render(request, "letters/no_recipient.html", context)
    draft = {
        "template": letter_template,
        "recipients": recipients,
        "riding": riding,
        "postal_code": postal_code,
    }
    form_options = {
        "template": letter_template,
        "postal_code_fixed": postal_code,
        "subjects": composing.letter_subjects(**draft),
    }
    if not letter_template.editable:
        context["locked_preview"] = composing.letter_draft(**draft)

    if request.method == "GET":
        form = LetterForm(
            **form_options,
            initial={
                "supporter_postal_code": postal_code,
                "subject": services.letter_subject_next(**draft),
                "body": composing.letter_draft(**draft),
                "source": source_of(request),
            },
        )
        return _write_page(request, context, form)

    form = LetterForm(request.POST, **form_options)
    if "send" in request.POST and previews.is_preview(request):
        # letter_submit would store a real letter and email its confirmation.
        form.add_error(
            None, _("This is a preview: letters can be sent once the campaign is published.")
        )
        return _write_page(request, context, form, status=409)
    if not form.is_valid() or "edit" in request.POST:
        return _write_page(request, context, form)
    data = form.cleaned_data
    fields = {
        "template": letter_template,
        "recipients": recipients,
        "riding": riding,
        "supporter_name": data["supporter_name"],
        "supporter_email": data["supporter_email"],
        "supporter_postal_code": data["supporter_postal_code"],
        "subject": data.get("subject", ""),
        "body": data.get("body", ""),
        "send_copy": data["send_copy"],
        "language": current_language(),
        "source": data["source"],
        "newsletter_opt_in": data["newsletter"],
        "newsletter_consent_text": str(CAMPAIGN_UPDATES_CONSENT),
        # Not in the data when the form does not offer it: no box, no consent.
        "organisation_newsletter_opt_in": data.get("organisation_newsletter", False),
        "organisation_newsletter_consent_text": str(ORGANISATION_NEWSLETTER_CONSENT),
        "consent_page": settings.SITE_URL + request.path,
    }
    try:
        if "send" not in request.POST:
            letter = services.letter_build(**fields)
            return render(
                request,
                "letters/preview.html",
                {
                    **context,
                    "form": form,
                    "letter": letter,
                    "messages_to_send": composing.letter_preview(
                        letter=letter, recipients=recipients
                    ),
                    "unchanged": composing.letter_is_unchanged(
                        template=letter_template,
                        recipients=recipients,
                        riding=riding,
                        postal_code=data["supporter_postal_code"],
                        body=data.get("body", ""),
                    ),
                },
            )
        if letter_submit_throttled(request):
            form.add_error(
                None,
                _(
                    "Too many letters have been sent from your connection in the last hour. "
                    "Please try again later."
                ),
            )
            return _write_page(request, context, form, status=429)
        # The same work and page whether or not this mailbox wrote already: that is told
        # only to its inbox, by the worker (letters/emails.py).
        services.letter_submit(**fields)
    except ValidationError as error:
        _add_errors(form, error)
        return _write_page(request, context, form)
    if embed_of(request):
        return redirect(_step_url(request, "sent", letter_template))
    return redirect("letters:sent")


def _write_page(request, context: dict, form: LetterForm, *, status: int = 200):
    return render(request, "letters/write.html", {**context, "form": form}, status=status)


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)


@require_safe
def letter_sent(request):
    """After submitting: the supporter is asked to confirm by email; nothing is sent yet."""
    return render(request, "letters/sent.html")


@never_cache
@require_http_methods(["GET", "POST"])
def letter_confirm(request, token: str):
    """The link in the confirmation email: a page with a button, so mail scanners that follow
    links never send a letter."""
    letter = selectors.letter_from_token(token=token, purpose="confirm")
    recipients = list(letter.recipients.all())
    shown = {
        "letter": letter,
        "subject": composing.letter_subject_shown(letter=letter, recipients=recipients),
        # The whole letter is shown here, behind the signed link, never in the email.
        "versions": composing.letter_versions(letter=letter, recipients=recipients),
    }
    if request.method == "POST":
        try:
            confirmed = services.letter_confirm(letter=letter)
        except ValidationError:
            # Only a row written around the form's checks gets here; it is never sent.
            return render(request, "letters/cannot_send.html", shown, status=400)
        except services.CampaignClosed:
            return render(request, "letters/confirm.html", shown, status=409)
        if confirmed:
            messages.success(request, _("Thank you! Your letter is on its way."))
        return redirect(letter.get_status_url())
    return render(request, "letters/confirm.html", shown)


@never_cache
@require_safe
def letter_status(request, token: str):
    """Delivery per recipient, for whoever holds the signed link (404 if tampered or expired)."""
    letter = selectors.letter_from_token(token=token, purpose="status")
    deliveries = selectors.letter_delivery(letter)
    # The letters as each recipient got them, not the stored text with its name marker.
    versions = composing.letter_versions(
        letter=letter, recipients=[delivery.recipient for delivery in deliveries]
    )
    return render(
        request,
        "letters/status.html",
        {"letter": letter, "deliveries": deliveries, "versions": versions},
    )
