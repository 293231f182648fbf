"""Round 12, French side: accent- and typography-insensitive matching (`folding`), letter
templates recognised loosely, party members written to by name, the demand a document states
as its own given to a letter that says none, donations in press-release and list form, and
orders ending in a question mark. Texts of our own.
"""

from campaign.extraction import (
    DONATE,
    LETTER_TO_MP,
    LETTER_TO_TARGETS,
    PETITION,
)
from campaign.extraction.folding import fold, tolerant
from tests.campaign.extraction_helpers import confident


def _confident(text, kind):
    return confident(text, kind, language="fr")


# The folding mechanism itself (language-neutral)


def test_fold_keeps_the_length_so_offsets_are_unchanged():
    text = "Écrivez à votre députée\u00a0: l\u2019hôpital ferme."
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "Ecrivez a votre deputee : l'hopital ferme."
    at = folded.index("hopital")
    assert text[at : at + 7] == "hôpital"


def test_a_tolerant_pattern_matches_plain_letters_and_captures_the_text_as_written():
    import re

    pattern = re.compile(tolerant(r"(?i)écrivez\s+à\s+l'élue"))
    assert pattern.search("Ecrivez a l\u2019elue")
    found = pattern.search("Voilà : écrivez à l\u2019élue.")
    assert found.group(0) == "écrivez à l\u2019élue"
    # Classes gain the plain letters; negated classes and ranges are kept as written.
    assert re.fullmatch(tolerant(r"[éè]t[^é]"), "etx")
    assert not re.fullmatch(tolerant(r"[^é]"), "é")
    assert re.fullmatch(tolerant(r"[A-ZÀ-Þ]\w+"), "Élodie")


# Unaccented French and inclusive forms


def test_an_order_to_write_typed_without_accents_is_read():
    text = (
        "Envoyez un courriel a votre/vos depute(e)s provinciaux pour leur demander de "
        "proteger la riviere Sainte-Anne contre le barrage."
    )
    [letter] = _confident(text, LETTER_TO_MP)
    assert "riviere Sainte-Anne" in letter.text
    assert letter.evidence.quote == text


# Letter templates recognised loosely


def test_a_template_greeting_either_gender_of_member_is_a_letter_to_the_representative():
    text = (
        "Écrivez à votre député. Voici une ébauche :\n\n"
        "Madame la deputee, ou Monsieur le depute,\n\n"
        "Je suis une électrice de votre circonscription et je vous demande de financer "
        "la réfection complète du pont couvert de notre village avant l'hiver prochain.\n\n"
        "Je vous encourage à agir sans tarder, car les écoliers l'empruntent tous les jours "
        "pour se rendre à l'école du rang.\n"
    )
    [letter] = _confident(text, LETTER_TO_MP)
    assert "pont couvert" in letter.letter_body
    assert letter.letter_body.startswith("Madame la deputee, ou Monsieur le depute,")


# A party's members are named targets, not the reader's own


def test_writing_to_a_partys_members_is_a_letter_to_them():
    text = (
        "Écrivez des courriels aux députés conservateurs pour leur demander de voter "
        "contre la fermeture du bureau de poste rural."
    )
    [letter] = _confident(text, LETTER_TO_TARGETS)
    assert letter.targets[0].role == "députés conservateurs"
    assert not _confident(text, LETTER_TO_MP)


def test_a_letter_for_a_named_minister_is_addressed_to_her():
    text = "Faites parvenir une lettre pour la Ministre Lapointe dans vos propres mots."
    [letter] = _confident(text, LETTER_TO_TARGETS)
    assert letter.targets[0].name == "Lapointe"


# Donations in press-release and list form


def test_a_press_release_inviting_whoever_wishes_to_give_is_the_launchers_appeal():
    text = (
        "RIMOUSKI, 3 mars 2024\n\n"
        "La Société de secours du Bas-Saint-Laurent a lancé aujourd'hui un appel aux dons "
        "pour les familles sinistrées par le verglas.\n\n"
        "Les personnes qui désirent aider les sinistrés peuvent faire un don en visitant "
        "le site www.secours-bsl.example ou en composant le 1 800 555-0199.\n"
    )
    [gift] = _confident(text, DONATE)
    assert "Société de secours du Bas-Saint-Laurent" in gift.organisation


def test_ways_to_give_over_a_list_go_to_the_site_the_reader_is_sent_to():
    text = (
        "La collecte du printemps se poursuit jusqu'au 30 avril.\n\n"
        "Il existe plusieurs façons de donner :\n\n"
        "  • En allant sur le site de Partage Estrie;\n"
        "  • En déposant des denrées dans une épicerie participante.\n"
    )
    [gift] = _confident(text, DONATE)
    assert gift.organisation == "Partage Estrie"


def test_a_name_with_je_donne_in_it_is_no_appeal():
    text = (
        "Le Mardi je donne a pris sa place dans notre calendrier. Il est crucial de penser "
        "aux plus vulnérables en cette saison."
    )
    assert not _confident(text, DONATE)


# An order with a question mark


def test_an_order_to_sign_ending_in_a_question_mark_is_still_an_order():
    text = (
        "Ajoutez votre nom pour enjoindre la ministre de protéger les milieux humides "
        "de la vallée du Richelieu?"
    )
    [petition] = _confident(text, PETITION)
    assert "milieux humides" in petition.text


# Asked to send a letter: the channel is writing, not signing


def test_being_asked_to_send_the_letter_on_is_no_petition():
    text = (
        "Le comité vous demande votre appui et je vous suggère de faire parvenir aussi "
        "cette lettre aux élus suivants :"
    )
    assert not _confident(text, PETITION)
