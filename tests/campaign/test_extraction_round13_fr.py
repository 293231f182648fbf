"""Round 13, French side: calls through a switchboard (`fr_switchboards`), the document's own
demand stated as a purpose or over a list. Texts of our own.
"""

from campaign.extraction import (
    CALL,
    extract_actions,
)
from campaign.extraction.scoring import phone_digits
from tests.campaign.extraction_helpers import confident


def _confident(text, kind):
    return confident(text, kind, language="fr")


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


# A menu of ways to act under the page's demand


_MENU = (
    "Agissez maintenant ! Demandez au gouvernement du Québec un moratoire sur les coupes "
    "forestières dans la vallée de la Matapédia.\n\n"
    "Voici quelques gestes que vous pouvez poser :\n"
    "Faites signer notre pétition autour de vous.\n"
    "Envoyer un message par courriel à votre députée en cliquant sur ce lien.\n"
)


def test_the_ways_listed_under_a_menu_ask_what_is_stated_above_it():
    [petition] = _confident(_MENU, "petition")
    [letter] = _confident(_MENU, "letter_to_mp")
    assert "moratoire sur les coupes" in petition.text
    assert "moratoire sur les coupes" in letter.text


def test_an_order_to_ask_through_a_channel_is_no_menu_demand():
    text = _MENU.replace(
        "Demandez au gouvernement du Québec un moratoire sur les coupes forestières dans la "
        "vallée de la Matapédia.",
        "Demandez par courriel au gouvernement du Québec de répondre à nos lettres.",
    )
    assert all("moratoire" not in a.text for a in extract_actions(text, language="fr"))


def test_having_a_petition_signed_around_you_is_an_order():
    text = "Faites signer la pétition pour sauver la bibliothèque de Rivière-du-Loup."
    [petition] = _confident(text, "petition")
    assert "bibliothèque" in petition.text


def test_sending_a_letter_by_email_to_a_deputy_is_a_letter_to_them():
    text = (
        "Envoyez une lettre par courriel à votre député pour lui demander de protéger les "
        "milieux humides de Laval."
    )
    [letter] = _confident(text, "letter_to_mp")
    assert "milieux humides" in letter.text


# Channels named before the verb


def test_channels_named_before_the_verb_give_a_letter_and_a_call_to_the_official():
    text = (
        "LA FERMETURE DES URGENCES : ÇA SUFFIT !\n\n"
        "Par courriel ou par téléphone, nous vous invitons à interpeller poliment et "
        "fermement la ministre de la Santé."
    )
    [letter] = _confident(text, "letter_to_targets")
    [call] = _confident(text, CALL)
    assert letter.targets[0].role == "ministre de la Santé"
    assert call.targets == letter.targets
    # The title, shouted, is what they ask, in ordinary case.
    assert letter.text.startswith("La fermeture des urgences")


def test_one_channel_named_before_the_verb_is_no_such_ask():
    text = "Par courriel, nous vous invitons à interpeller la ministre de la Santé."
    assert _confident(text, CALL) == []


def test_the_head_of_state_is_a_role():
    from campaign.extraction.fr_roles import classify_role, find_roles

    [role] = find_roles("Écrivez au chef de l'État avant lundi.")
    assert role.value == "chef de l'État"
    assert classify_role(role.value) == "head_of_government"


# A sign-up form under a message to a decision-maker


_FORM = (
    "Mairesse Tremblay : sauvez le parc\n\n"
    "Dites à Julie Tremblay qu'elle doit renoncer au stationnement dans le parc Lafontaine.\n\n"
    "Étape 1 : Vos informations\n"
    "* Champs obligatoires\n"
)


def test_a_message_to_a_person_over_a_sign_up_form_is_a_petition_to_them():
    [petition] = _confident(_FORM, "petition")
    assert "renoncer au stationnement" in petition.text
    assert petition.addressee == "Julie Tremblay"


def test_the_same_message_without_a_form_is_no_petition():
    text = _FORM.split("Étape 1")[0]
    assert _confident(text, "petition") == []


# Items numbered on the demand's own line


def test_items_numbered_on_the_demands_line_are_its_points():
    text = (
        "Nous, soussignés, prions le gouvernement du Canada de protéger les locataires en:"
        "1. Gelant les loyers pendant deux ans; 2. Finançant 50 000 logements sociaux."
        "LogementLocataires"
    )
    [petition] = _confident(text, "petition")
    assert petition.text.endswith("protéger les locataires")
    assert petition.talking_points == (
        "Gelant les loyers pendant deux ans",
        "Finançant 50 000 logements sociaux",
    )


# The public giving, in a charity's press release


def test_the_public_able_to_give_in_the_third_person_is_an_appeal():
    text = (
        "Malgré la tempête, les gens peuvent toujours soutenir les familles en déposant leurs "
        "dons dans n'importe quelle pharmacie du quartier.\n"
        "« Merci à tous », dit Anne Roy, directrice de la Fondation du CHU pour aînés."
    )
    [gift] = _confident(text, "donate")
    assert gift.organisation == "Fondation du CHU pour aînés"


def test_a_report_that_people_gave_is_no_appeal():
    text = "Hier, les gens ont déposé leurs dons à la Fondation du CHU pour aînés."
    assert _confident(text, "donate") == []


# Officials named first, their role in apposition


def test_names_with_their_role_after_them_are_the_letters_targets():
    text = (
        "Envoyez un petit mot de soutien à Claire Dubois et Marc-André Roy, ces deux députés "
        "défendent la ligne de train Québec-Gaspé."
    )
    [letter] = _confident(text, "letter_to_targets")
    assert [(t.name, t.role) for t in letter.targets] == [
        ("Claire Dubois", "député"),
        ("Marc-André Roy", "député"),
    ]
    assert "train Québec-Gaspé" in letter.text


# The members at large, apart from one's own


def test_writing_to_the_members_apart_from_ones_own_is_two_letters():
    text = (
        "On peut écrire aux députés pour leur demander de rejeter la réforme du code minier.\n\n"
        "La liste des députés de la majorité est ici.\n\n"
        "Si vous préférez écrire à votre député, son adresse est sur le site de l'Assemblée."
    )
    [to_targets] = _confident(text, "letter_to_targets")
    [to_mp] = _confident(text, "letter_to_mp")
    assert to_targets.targets[0].role == "députés"
    assert "code minier" in to_targets.text and "code minier" in to_mp.text


def test_writing_to_the_members_alone_is_a_letter_to_ones_own():
    text = "Écrivez aux députés pour leur demander de rejeter la réforme du code minier."
    assert _confident(text, "letter_to_targets") == []
    assert len(_confident(text, "letter_to_mp")) == 1


# Signing « it », the petition named above


def test_signing_it_after_the_petition_is_named_asks_what_the_pages_letter_asks():
    text = (
        "Écrivez à la ministre de l'Agriculture (ministre@agri.example.org) pour lui demander "
        "de bannir le glyphosate des cours d'école.\n"
        "Notre pétition a déjà été remise une première fois au cabinet. Vous pouvez encore la "
        "signer."
    )
    [petition] = _confident(text, "petition")
    assert "glyphosate" in petition.text


def test_signing_it_with_no_petition_named_is_no_petition():
    text = "Voici notre lettre ouverte. Vous pouvez encore la signer."
    assert _confident(text, "petition") == []


# The reader's own representative as a line of a recipients list


_RECIPIENTS = (
    "Écrivez à la ministre de la Famille (ministre@famille.example.org) pour lui demander de "
    "rouvrir la garderie du quartier Saint-Roch.\n\n"
    "Je vous suggère d'envoyer aussi votre lettre aux personnes suivantes :\n\n"
    "Jean Tremblay, porte-parole de l'opposition - Fax : (418) 555-0101\n"
    "Votre député provincial\n"
)


def test_your_own_representative_listed_among_the_recipients_gets_the_same_letter():
    [to_mp] = _confident(_RECIPIENTS, "letter_to_mp")
    assert "garderie du quartier Saint-Roch" in to_mp.text
    assert to_mp.evidence.quote == "Votre député provincial"


def test_your_own_representative_outside_a_recipients_list_is_no_letter():
    text = _RECIPIENTS.replace("Je vous suggère d'envoyer aussi votre lettre", "Merci")
    assert _confident(text, "letter_to_mp") == []


# A letter to several officials at once, one salutation a line


_STACKED = (
    "Voici quelques lignes à leur adresser.\n"
    "Monsieur le Premier ministre\n"
    "Madame la Députée ou Monsieur le Député\n"
    "Les bureaux de poste ferment un à un dans nos villages.\n"
    "Je vous demande de maintenir le bureau de poste de Saint-Fulgence ouvert.\n"
    "Respectueusement.\n"
    "Une citoyenne\n"
)


def test_stacked_salutations_open_a_letter_to_the_officeholder_and_to_ones_own():
    [to_targets] = _confident(_STACKED, "letter_to_targets")
    [to_mp] = _confident(_STACKED, "letter_to_mp")
    assert [t.role for t in to_targets.targets] == ["Premier ministre"]
    assert "Saint-Fulgence" in to_mp.letter_body
    assert to_mp.targets == ()


def test_a_single_title_on_its_own_line_opens_no_letter():
    text = _STACKED.replace("Madame la Députée ou Monsieur le Député\n", "")
    assert _confident(text, "letter_to_targets") == []
    assert _confident(text, "letter_to_mp") == []
