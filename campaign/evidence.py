"""Showing where a call to action came from: its quoted sentence, and the document around it.

Used by every admin that shows a drafted item (petitions, letters, targets, donation links), so
an organiser can always check a draft against the words of its source.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaign.models import CallToAction, SourceDocument

CONTEXT_CHARS = 200


def evidence_html(action: CallToAction | None, *, with_context: bool = False) -> SafeString:
    """The quoted evidence of `action`, its document and confidence, linked to the document."""
    if action is None:
        return format_html("<em>{}</em>", _("Added by hand"))
    document_url = reverse("admin:campaign_sourcedocument_change", args=[action.document_id])
    if with_context:
        text = action.document.text
        before = text[max(0, action.evidence_start - CONTEXT_CHARS) : action.evidence_start]
        after = text[action.evidence_end : action.evidence_end + CONTEXT_CHARS]
        quote = format_html("…{}<mark>{}</mark>{}…", before, action.evidence_quote, after)
    else:
        quote = format_html("<q>{}</q>", action.evidence_quote)
    return format_html(
        '<blockquote class="chorus-evidence">{}'
        '</blockquote><small><a href="{}#cta-{}">{}</a>, {} {}-{} · {} {}</small>',
        quote,
        document_url,
        action.pk,
        action.document,
        _("characters"),
        action.evidence_start,
        action.evidence_end,
        _("confidence"),
        f"{action.confidence:.2f}",
    )


def highlighted_document_html(document: SourceDocument) -> SafeString:
    """The document's full text with every call to action's evidence marked and anchored."""
    text = document.text
    spans = sorted(
        document.calls_to_action.values_list("pk", "evidence_start", "evidence_end", "kind"),
        key=lambda span: span[1],
    )
    parts, position = [], 0
    for pk, start, end, kind in spans:
        if start < position:  # overlapping evidence: the first span already marks it
            continue
        parts.append(escape(text[position:start]))
        parts.append(
            format_html('<mark id="cta-{}" title="{}">{}</mark>', pk, kind, text[start:end])
        )
        position = end
    parts.append(escape(text[position:]))
    return format_html(
        '<div class="chorus-document">{}</div>',
        mark_safe("".join(parts)),  # noqa: S308
    )


class FoundInMixin:
    """Admin column `found_in` for any DraftedFromAction: the sentence the item came from.

    Add "found_in" to `fields` (or a fieldset) and to `readonly_fields`.
    """

    @admin.display(description=gettext_lazy("found in"))
    def found_in(self, obj) -> SafeString:
        return evidence_html(obj.source)
