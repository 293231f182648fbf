"""Wording a call page in French: the same functions as campaign.calls.drafting, for a
campaign drafted from French documents (« Appelez la ministre », « J'appelle pour demander
à … de … »). Plain Python: no database.
"""

import re
from collections.abc import Sequence

from campaign.calls.drafting import OfficeName, _clean, _lower_first

OPENING = "Bonjour, je m'appelle [votre nom] et j'habite à [votre ville ou code postal]."
CLOSING = "Merci de transmettre mon message."
SEVERAL = "[la personne dont vous appelez le bureau]"

# "… pour lui demander de voter contre le projet" -> "voter contre le projet"
_RELAYED_ASK = re.compile(
    r"(?i)\b(?:demander|demandez|exiger|exigez|exhorter|exhortez|presser|pressez|inviter|"
    r"invitez)\s+(?:(?:lui|leur|le|la|les)\s+|(?:à|au|aux)\s+[^,;:]{1,60}?\s+)?"
    r"(?:de\s+|d['\u2019])(?P<ask>.+)$"
)
# "… et exigez que la province respecte ses engagements"
_DEMAND_THAT = re.compile(r"(?i)\bexige[rz]?\s+que\s+(?P<demand>.+)$")
# "… et dites-lui que les travailleurs ne peuvent plus attendre"
_TELL_THEM = re.compile(
    r"(?i)\bdi(?:tes|re)[-\s](?:lui|leur)\s+(?:que\s+|qu['\u2019])(?P<message>.+)$"
)
_CONTACT_INSTRUCTION = re.compile(
    r"(?i)^\W*(?:veuillez\s+)?(?:appel(?:ez|er)|téléphon(?:ez|er)|contact(?:ez|er)|joign(?:ez|ons))"
)
_VOWELS = "aeiouàâéèêëîïôûœ"
# Roles written in the feminine take "la"; other roles "le", or "l'" before a vowel. "ministre"
# is both: the organiser checks the article when the document does not say.
_FEMININE_ROLE = re.compile(
    r"(?i)^(?:première|présidente|mairesse|ambassadrice|députée|sénatrice|conseillère|cheffe)\b"
)


def _de(text: str) -> str:
    return f"d'{text}" if text[:1].lower() in _VOWELS else f"de {text}"


def _with_article(role: str) -> str:
    role = _lower_first(role)
    if re.match(r"(?i)^(?:le|la|les)\s|^l['\u2019]", role):
        return role
    if role[:1].lower() in _VOWELS:
        return f"l'{role}"
    return f"la {role}" if _FEMININE_ROLE.match(role) else f"le {role}"


def _whom(offices: Sequence[OfficeName]) -> str:
    """Whom the script asks: the one office's person, else a blank the supporter fills."""
    if len(offices) != 1:
        return SEVERAL
    office = offices[0]
    if office.name.strip():
        return office.name.strip()
    role = office.role.strip()
    if office.kind == "mp" and role.lower() in ("", "mp", "député", "députée", "votre député"):
        return "mon député"
    return _with_article(role) if role else SEVERAL


def _to(whom: str) -> str:
    """ "le ministre" -> "au ministre"; "Marie Dupont" -> "à Marie Dupont"."""
    if whom.startswith("le "):
        return "au " + whom[3:]
    if whom.startswith("les "):
        return "aux " + whom[4:]
    return "à " + whom


def call_title(offices: Sequence[OfficeName]) -> str:
    """« Appelez Marie Dupont », « Appelez le premier ministre », « Appelez Marie Dupont et
    Luc Tremblay », or for more than two, « Appelez ces 3 bureaux »."""
    names = [office.name.strip() or _whom([office]) for office in offices]
    if len(names) == 1:
        title = f"Appelez {names[0]}"
    elif len(names) == 2:
        title = f"Appelez {names[0]} et {names[1]}"
    else:
        title = f"Appelez ces {len(names)} bureaux"
    return title.replace("Appelez mon député", "Appelez votre député")[:200]


def what_to_say(
    *, text: str, evidence: str, offices: Sequence[OfficeName], campaign_title: str
) -> str:
    """The sentence that says why one is calling, from the action's text and evidence."""
    text, evidence = _clean(text), _clean(evidence)
    whom = _whom(offices)
    for source in (text, evidence):
        demand = _DEMAND_THAT.search(source)
        if demand:
            return f"J'appelle pour exiger que {_clean(demand.group('demand'))}."
        relayed = _RELAYED_ASK.search(source)
        if relayed:
            return f"J'appelle pour demander {_to(whom)} {_de(_clean(relayed.group('ask')))}."
        told = _TELL_THEM.search(source)
        if told:
            return f"J'appelle pour dire que {_clean(told.group('message'))}."
    if text and not _CONTACT_INSTRUCTION.match(text):
        return f"J'appelle pour demander {_to(whom)} {_de(_lower_first(text))}."
    title = _clean(campaign_title)
    return f"J'appelle au sujet de : {title}." if title else "J'appelle pour une question urgente."


def call_script(
    *,
    text: str,
    evidence: str,
    talking_points: Sequence[str],
    offices: Sequence[OfficeName],
    campaign_title: str,
) -> str:
    """A first script in French: who is calling, why, the talking points, and thanks."""
    paragraphs = [
        OPENING,
        what_to_say(text=text, evidence=evidence, offices=offices, campaign_title=campaign_title),
    ]
    points = [_clean(str(p)) for p in talking_points if _clean(str(p))]
    if points:
        paragraphs.append("\n".join(f"- {point[:1].upper()}{point[1:]}" for point in points))
    paragraphs.append(CLOSING)
    return "\n\n".join(paragraphs)
