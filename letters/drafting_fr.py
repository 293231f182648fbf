"""Wording a first draft of a letter template in French, for a campaign drafted from French
documents.

The same functions as letters.drafting, with French phrasing: a formal salutation
(« Madame, Monsieur, », « Madame la Ministre, ») and its closing formula (« Veuillez agréer,
Madame la Ministre, l'expression de mes sentiments distingués. ») instead of "Dear …" and
"Sincerely". A template letter the document prints keeps its own salutation and closing. The
organiser edits the draft before publishing.
"""

import re

from campaign.extraction.letter_body import POSTAL_CODE, SUPPORTER
from campaign.models import CallToAction, Campaign

LETTER_TITLES = {"mp": "Écrivez à votre député", "targets": "Écrivez aux décideurs"}

_ANYONE = "Madame, Monsieur"
_CLOSING = "Veuillez agréer, {address}, l'expression de mes sentiments distingués."

# "demander au gouvernement de …" / "lui demander d'adopter …" -> "adopter …"
_RELAYED_ASK = re.compile(
    r"(?i)\b(?:demander|demandez|exiger|exigez|exhorter|exhortez|presser|pressez|inviter|"
    r"invitez|prier|priez)\s+(?:(?:lui|leur|le|la|les)\s+|(?:à|au|aux)\s+[^,;:]{1,60}?\s+)?"
    r"(?:de\s+|d['\u2019])(?P<ask>.+)$"
)
# "…pour exprimer votre appui à la loi" -> "mon appui à la loi", said by the writer.
_SUPPORTER_STANCE = re.compile(
    r"(?i)^(?:pour\s+)?(?:exprimer|manifester|signifier|faire\s+part\s+de)\s+(?:votre|vos)\s+"
    r"(?P<stance>appui|soutien|opposition|inquiétudes?|préoccupations?)\s+(?P<object>.+)$"
)
# An instruction to the supporter to get in touch, not something the recipient can do.
_CONTACT_INSTRUCTION = re.compile(
    r"(?i)^\s*(?:veuillez\s+)?(?:écri(?:vez|re)|envoy(?:ez|er)|contact(?:ez|er)|appel(?:ez|er)|"
    r"téléphon(?:ez|er)|sign(?:ez|er)|partag(?:ez|er)|communiqu(?:ez|er))\b"
)
# "…en lui disant que vous :" — the points that follow complete "vous …": the writer's own
# letter says them "Je …".
_POINTS_COMPLETE_VOUS = re.compile(
    r"(?i)\b(?:disant|dites|dire|affirmant|indiquant|expliquant)\s+(?:qu['\u2019]|que\s+)?"
    r"vous\s*:\s*$"
)
_LEADING_QUE_VOUS = re.compile(r"(?i)^(?:qu['\u2019]|que\s+)?vous\s+")
# The "vous" form of what a supporter says they do, and the "je" form a letter takes. Regular
# "-er" verbs ("demandez" -> "demande") and "-ir" verbs ("agissez" -> "agis") need no entry.
_JE_FORMS = {
    "êtes": "suis",
    "avez": "ai",
    "voulez": "veux",
    "pouvez": "peux",
    "croyez": "crois",
    "soutenez": "soutiens",
    "tenez": "tiens",
    "appuyez": "appuie",
    "rejetez": "rejette",
    "appelez": "appelle",
    "espérez": "espère",
    "craignez": "crains",
    "savez": "sais",
    "reconnaissez": "reconnais",
    "attendez": "attends",
    "opposez": "m'oppose",
    "inquiétez": "m'inquiète",
}
# Before these, "de" and "je" lose their "e". An "h" is left alone: mute or aspirated, it is
# the organiser's to check.
_VOWELS = "aeiouàâéèêëîïôûœ"


def _elided(word: str, before: str) -> str:
    """ "de" + "adopter" -> "d'adopter "; "Je" + "appuie" -> "J'"; else the word and a space."""
    if before[:1].lower() in _VOWELS:
        return word[:-1] + "'"
    return word + " "


def _lower_first(text: str) -> str:
    if text[:1].isupper() and not text[:2].isupper():
        return text[0].lower() + text[1:]
    return text


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _clean(text: str) -> str:
    return " ".join((text or "").split()).rstrip(" .!")


def _in_first_person(point: str) -> str:
    """A point completing "vous …", said "Je …"; kept as written when no verb starts it."""
    first, _space, rest = point.partition(" ")
    word = first.lower()
    if word in _JE_FORMS:
        verb = _JE_FORMS[word]
    elif word.endswith("issez") and len(word) > 6:
        verb = word[:-3]  # agissez -> agis
    elif word.endswith("ez") and len(word) > 3:
        verb = word[:-1]  # demandez -> demande
    else:
        return _upper_first(point)
    if verb.startswith("m'"):
        return f"Je {verb} {rest}".rstrip()
    return f"{_elided('Je', verb)}{verb} {rest}".rstrip()


def first_person_points(action: CallToAction) -> list[str]:
    """The action's talking points, in the writer's voice when the document's grammar asks.

    "…en lui disant que vous : • demandez la fin… • appuyez le projet…" becomes « Je demande la
    fin… », « J'appuie le projet… ». Other points are kept as written.
    """
    points = [" ".join(str(p).split()) for p in (action.talking_points or []) if str(p).strip()]
    if not _POINTS_COMPLETE_VOUS.search(action.evidence_quote or ""):
        return points
    return [_in_first_person(_LEADING_QUE_VOUS.sub("", point)) for point in points]


def _to(addressee: str) -> str:
    """ "le gouvernement du Canada" -> "au gouvernement du Canada" (à + le, à + les)."""
    lowered = addressee.lower()
    if lowered.startswith("le "):
        return "au " + addressee[3:]
    if lowered.startswith("les "):
        return "aux " + addressee[4:]
    return "à " + addressee


def demand_talking_point(*, addressee: str, demand: str) -> str:
    """A campaign's demand as a letter's talking point: « Demandez au gouvernement du Canada
    de … »."""
    demand = _lower_first(_clean(demand))
    if not addressee:
        return f"Demandez des mesures : {demand}."
    return f"Demandez {_to(addressee)} {_elided('de', demand)}{demand}."


def supporter_stance(action: CallToAction) -> str:
    """The supporter's stance in the first person (« mon appui à … »), or ""."""
    match = _SUPPORTER_STANCE.match(_clean(action.text))
    if not match:
        return ""
    stance = match.group("stance").lower()
    mine = "mes" if stance.endswith("s") else "mon"
    return f"{mine} {stance} {match.group('object')}"


def letter_ask(action: CallToAction) -> str:
    """What the recipient is asked to do, as an infinitive phrase (« adopter un décret »)."""
    text = _clean(action.text)
    if not text:
        return ""
    relayed = _RELAYED_ASK.search(text)
    if relayed:
        return _lower_first(_clean(relayed.group("ask")))
    if _CONTACT_INSTRUCTION.match(text):
        return ""
    return _lower_first(text)


# « à la ministre », « au premier ministre »: how the document names the one recipient.
_MINISTER_NAMED = re.compile(
    r"(?i)\b(?:(?P<her>la)|le|au)\s+(?P<first>premi(?:er|ère)\s+)?ministre\b"
)


def _address(action: CallToAction) -> str:
    """How the letter addresses its recipient: « Madame la Ministre » for the one minister the
    document names as a woman, « Monsieur le Ministre » as a man, else « Madame, Monsieur »."""
    targets = [t for t in action.targets or [] if t.get("email")]
    if action.kind != CallToAction.Kind.LETTER_TO_TARGETS or len(targets) != 1:
        return _ANYONE
    if targets[0].get("kind") not in ("minister", "head_of_government"):
        return _ANYONE
    named = _MINISTER_NAMED.search(action.evidence_quote or "")
    if not named:
        return _ANYONE
    if named.group("her"):
        return "Madame la Première Ministre" if named.group("first") else "Madame la Ministre"
    return "Monsieur le Premier Ministre" if named.group("first") else "Monsieur le Ministre"


# The parts of a template letter the draft supplies itself when the document has none.
_SALUTATION = re.compile(
    r"(?i)^(?:madame|monsieur|mesdames|messieurs|cher|chère|chers|bonjour|honorable)\b[^\n]{0,80}"
    r"[,:]$"
)
_CLOSING_FORMULA = re.compile(
    r"(?i)^(?:veuillez|je\s+vous\s+prie|recevez|agréez|salutations|cordialement|"
    r"respectueusement|meilleures\s+salutations|bien\s+à\s+vous)\b"
)


def _letter_parts(letter_body: str) -> tuple[str, list[str], str]:
    """A document's letter as (its salutation, its paragraphs, its closing formula); the
    signature that follows the closing is the draft's own."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", letter_body.strip()) if p.strip()]
    salutation = ""
    if paragraphs and _SALUTATION.match(paragraphs[0]):
        salutation = paragraphs.pop(0)
    closing = ""
    for index, paragraph in enumerate(paragraphs):
        if _CLOSING_FORMULA.match(paragraph):
            closing = paragraph
            del paragraphs[index:]
            break
    if paragraphs and paragraphs[-1].startswith(SUPPORTER):
        paragraphs.pop()
    return salutation, paragraphs, closing


def draft_body(*, action: CallToAction, campaign: Campaign) -> str:
    """A first letter body in French with the template variables in place.

    The document's own letter when there is one (its salutation, body and closing), with the
    recipient's ask or the supporter's stance first; the campaign's title when the action
    says neither.
    """
    address = _address(action)
    salutation, own, closing = _letter_parts(action.letter_body or "")
    ask, stance = letter_ask(action), supporter_stance(action)
    paragraphs = [salutation or f"{address},"]
    if stance:
        paragraphs.append(f"Je vous écris pour exprimer {stance}, et vous demander d'agir.")
    elif ask and ask not in " ".join(own):
        paragraphs.append(f"Je vous écris pour vous demander {_elided('de', ask)}{ask}.")
    elif not ask and not own:
        title = _clean(campaign.title)
        paragraphs.append(f"Je vous écris au sujet d'une question qui me tient à cœur : {title}.")
    paragraphs.extend(own)
    paragraphs.append("{{ talking_points }}")
    paragraphs.append("J'attends votre réponse avec intérêt.")
    paragraphs.append(closing or _CLOSING.format(address=address))
    paragraphs.append(f"{SUPPORTER}\n{POSTAL_CODE}")
    return "\n\n".join(paragraphs)


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 3].rsplit(" ", 1)[0] + "…"


def _issue(*, action: CallToAction, campaign: Campaign) -> str:
    """What the letter is about, in a few words: the campaign's title, else what it asks."""
    title = _clean(campaign.title)
    if title:
        return _shorten(title)
    ask = letter_ask(action)
    return _shorten(_upper_first(ask)) if ask else ""


def draft_subjects(*, action: CallToAction, campaign: Campaign) -> str:
    """Three subject lines in French, one per line, each naming the issue (see
    letters.drafting.draft_subjects)."""
    ask, stance = letter_ask(action), supporter_stance(action)
    if stance.startswith("mon appui "):
        lead = _shorten(f"J'appuie {stance.removeprefix('mon appui ').removeprefix('à ')}")
    elif ask and not stance:
        lead = _shorten(f"Je vous demande {_elided('de', ask)}{ask}")
    else:
        lead = ""
    asks = (
        "Une personne de votre circonscription vous demande d'agir"
        if action.kind == CallToAction.Kind.LETTER_TO_MP
        else "Une Canadienne ou un Canadien vous demande d'agir"
    )
    issue = _issue(action=action, campaign=campaign)
    if issue:
        named = lead if lead and issue.lower() in lead.lower() else f"{lead} : {issue}"
        variants = [
            named if lead else issue,
            f"{asks} : {issue}",
            f"{issue} : merci d'agir dès maintenant et de me répondre",
        ]
    else:
        variants = [lead or "Merci d'agir", asks, "Merci d'agir dès maintenant et de me répondre"]
    return "\n".join(" ".join(variant.split()) for variant in variants)
