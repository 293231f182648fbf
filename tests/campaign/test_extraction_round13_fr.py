"""Round 13, French side: calls through a switchboard (`fr_switchboards`), the document's own
demand stated as a purpose or over a list. Texts of our own.
"""

from campaign.extraction import (
    CALL,
    LOW_CONFIDENCE,
    extract_actions,
)
from campaign.extraction.scoring import phone_digits


def _confident(text, kind):
    return [
        action
        for action in extract_actions(text, language="fr")
        if action.kind == kind and action.confidence >= LOW_CONFIDENCE
    ]


def _said(action):
    return " ".join((action.text, *action.talking_points, action.letter_body))


# Calls through a switchboard


def test_a_switchboard_number_then_asking_for_ones_deputy_is_a_call_to_them_at_that_number():
    text = (
        "Le vote sur la réforme des retraites a lieu mardi.\n"
        "Appelez le Palais (standard : 02 31 45 67 89, puis demandez à parler au "
        "collaborateur de votre député)."
    )
    [call] = _confident(text, CALL)
    [target] = call.targets
    assert target.kind == "mp"
    assert phone_digits(target.phone) == "0231456789"
    assert call.evidence.quote == text[call.evidence.start : call.evidence.end]


def test_the_person_asked_for_lines_below_the_number_is_the_one_called():
    text = (
        "Voici le numéro de la mairie\n"
        "04 11 22 33 44\n"
        "Une standardiste vous répondra.\n"
        "Précisez que vous souhaitez être mis en relation avec le bureau du maire.\n"
    )
    [call] = _confident(text, CALL)
    assert call.targets[0].role == "maire"
    assert phone_digits(call.targets[0].phone) == "0411223344"


def test_what_to_say_just_before_the_number_is_what_the_call_asks():
    text = (
        "Passez un coup de fil à la ministre\n"
        "Dites-lui que les urgences de Rimouski doivent rester ouvertes.\n"
        "Téléphonez au 1 800 555-0142. Demandez la boîte vocale de la ministre.\n"
    )
    [call] = _confident(text, CALL)
    assert "urgences de Rimouski" in call.text
    assert call.targets[0].role == "ministre"


def test_a_number_with_nobody_asked_for_is_no_switchboard_call():
    text = "Pour nous joindre, composez le 05 66 77 88 99 du lundi au vendredi."
    assert _confident(text, CALL) == []


def test_a_news_report_of_a_switchboard_is_no_call():
    text = (
        "MONTRÉAL — Des centaines de citoyens ont appelé le standard (01 23 45 67 89), a "
        "déclaré la porte-parole, puis ont demandé à parler à leur député.\n"
        "Selon la police, la manifestation s'est déroulée dans le calme."
    )
    assert _confident(text, CALL) == []


# The document's own demand


def test_a_call_that_says_nothing_takes_the_purpose_the_author_states():
    text = (
        "Une occasion se présente pour nous opposer à la fermeture de la maternité de Die.\n"
        "Voici le numéro du standard de l'Assemblée : 01 40 00 00 01. Demandez à parler à "
        "votre député."
    )
    [call] = _confident(text, CALL)
    assert "fermeture de la maternité" in call.text


def test_making_our_voices_heard_over_a_dash_list_gives_the_list_as_points():
    text = (
        "Nous devons faire entendre notre voix :\n"
        "\u2013 en félicitant les élus qui ont refusé la privatisation du port.\n"
        "\u2013 en interpellant ceux qui l'ont votée.\n"
        "Vous pouvez téléphoner à la Région (standard : 03 88 00 00 00, puis demander à parler "
        "à votre élu)."
    )
    [call] = _confident(text, CALL)
    assert "privatisation du port" in _said(call)
