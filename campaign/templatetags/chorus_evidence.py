"""`{% evidence action %}`: a call to action's quoted sentence, linked to its highlighted
document (campaign.evidence.evidence_html), for admin templates."""

from django import template

from campaign.evidence import evidence_html

register = template.Library()


@register.simple_tag
def evidence(action):
    return evidence_html(action)
