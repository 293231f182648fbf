"""Round 14, French side: what reads like an ask but asks nobody (« je me demande pourquoi »,
a letter published as an opinion), and the families of pages batch 13 showed. Texts of our
own; each mechanism is tried on two or three organisations' wordings.
"""

import pytest

from campaign.extraction import (
    CALL,
    DONATE,
    LETTER_TO_MP,
    LETTER_TO_TARGETS,
    PETITION,
)
from tests.campaign.extraction_helpers import confident


def _confident(text, kind=None):
    return confident(text, kind, language="fr")


def _said(action):
    return " ".join((action.text, *action.talking_points, action.letter_body))


# Wondering is not asking


@pytest.mark.parametrize(
    "sentence",
    [
        "Je me demande pourquoi on ne cherche pas plutôt à délimiter la zone qu'on veut garder.",
        "On se demande si le ministère va enfin accepter de publier le rapport.",
        "Nous nous demandons comment la ville compte financer de nouvelles pistes cyclables.",
    ],
)
def test_wondering_aloud_in_a_report_drafts_no_petition(sentence):
    text = (
        "La mairie a présenté son plan mardi devant une centaine de résidents. "
        f"{sentence} Le conseil votera en janvier."
    )
    assert _confident(text) == []


def test_asking_the_government_is_still_a_petition_beside_the_wondering():
    text = (
        "Je me demande pourquoi rien n'a bougé. "
        "Nous demandons au gouvernement du Québec de protéger les tourbières du lac Noir."
    )
    [petition] = _confident(text, PETITION)
    assert "tourbières" in petition.text


# A letter published as an opinion


@pytest.mark.parametrize(
    "salutation",
    ["Monsieur Jean Tremblay,", "Madame Sophie Gagnon,", "Chère Mme Lucie Roy,"],
)
def test_an_unsigned_letter_to_a_person_by_name_opening_the_page_drafts_nothing(salutation):
    text = (
        f"{salutation}\n\n"
        "Je suis inquiète. Les rivières de ma région reçoivent encore des eaux non traitées et "
        "personne ne semble s'en soucier au ministère. Il me semble que ce devrait être une "
        "priorité pour tout le monde.\n\n"
        "Agissons ensemble pour des rivières propres."
    )
    assert [a for a in _confident(text) if a.kind in (LETTER_TO_MP, LETTER_TO_TARGETS)] == []


def test_an_unsigned_letter_to_an_office_opening_the_page_is_still_a_letter_to_send():
    text = (
        "Madame la Ministre de l'Environnement,\n"
        "Nous, citoyennes et citoyens, vous exhortons à interdire le rejet des eaux usées non "
        "traitées dans nos rivières dès l'an prochain, avant que d'autres cours d'eau ne "
        "soient perdus.\n"
    )
    [letter] = _confident(text, LETTER_TO_TARGETS)
    assert "eaux usées" in _said(letter)


# Donation appeals in a press release's third person


@pytest.mark.parametrize(
    ("opening", "organisation"),
    [
        (
            "MONTRÉAL, le 2 déc. 2025 /CNW/ - Organisme de bienfaisance reconnu, Partage Nord "
            "presse les Québécois de souligner la journée en faisant un don à l'organisme de "
            "leur choix.",
            "Partage Nord",
        ),
        (
            "À l'approche de l'hiver, Banque alimentaire Laval / Rive-Nord appelle la population "
            "à faire preuve de générosité. Les gens sont invités à faire un don en ligne.",
            "Banque alimentaire Laval / Rive-Nord",
        ),
        (
            "QUÉBEC, 4 mars 2025 -- La Fondation des Berges lance le Fonds d'urgence Inondations "
            "afin d'aider les sinistrés. Les personnes qui souhaitent verser un don au Fonds "
            "d'urgence Inondations peuvent le faire en ligne ou par téléphone.",
            "Fondation des Berges",
        ),
    ],
)
def test_the_organisation_appealing_in_the_third_person_receives_the_gifts(opening, organisation):
    [gift] = _confident(opening, DONATE)
    assert gift.organisation == organisation


def test_wishing_to_give_then_how_to_do_so_is_an_appeal():
    text = (
        "Le Refuge du Vieux-Port sollicite des dons pour l'hiver. Ceux qui désirent faire un "
        "don au Refuge du Vieux-Port peuvent le faire à l'accueil, du lundi au vendredi."
    )
    [gift] = _confident(text, DONATE)
    assert gift.organisation == "Refuge du Vieux-Port"


def test_a_report_of_gifts_made_is_still_no_appeal():
    text = (
        "La Fondation des Berges a reçu plus de 2000 dons l'an dernier, selon son rapport. "
        "Ceux qui ont fait un don ont reçu un reçu fiscal, a précisé la directrice."
    )
    assert _confident(text, DONATE) == []


# Petitions whose purpose the page states before asking to sign


@pytest.mark.parametrize(
    "launch",
    [
        "C'est pourquoi Nature Estrie lance une pétition demandant au gouvernement du Québec "
        "d'interdire les coupes dans la forêt du mont Orford.",
        "Le comité a mis en ligne une pétition exigeant d'interdire les coupes dans la forêt "
        "du mont Orford.",
        "Voici notre pétition réclamant à la ministre d'interdire les coupes dans la forêt "
        "du mont Orford.",
    ],
)
def test_a_petition_described_by_a_participle_gives_its_demand_to_the_request_to_sign(launch):
    text = (
        f"Les coupes ont repris cet automne. {launch} "
        "Merci de signer la pétition et de la partager."
    )
    [petition] = _confident(text, PETITION)
    assert "mont Orford" in petition.text


def test_sentences_glued_without_a_space_after_the_stop_are_read_apart():
    text = (
        "Les boisés disparaissent un à un au Québec.C'est pourquoi le Collectif Verdure lance "
        "une pétition demandant à la Ville de protéger le boisé Sauvé.Merci de signer la "
        "pétition dès aujourd'hui."
    )
    [petition] = _confident(text, PETITION)
    assert "boisé Sauvé" in petition.text
    assert petition.evidence.quote.startswith("Merci de signer")


def test_thanks_for_having_signed_is_still_no_request():
    text = (
        "Une pétition demandant à la Ville de protéger le boisé Sauvé a circulé cet été. "
        "Merci d'avoir signé la pétition, elle a été déposée au conseil."
    )
    assert _confident(text, PETITION) == []


@pytest.mark.parametrize("lead", ["Alors, signez", "Donc signez", "Signez"])
def test_a_petition_pointing_back_asks_what_its_referent_asks(lead):
    text = (
        "Signez ici, signez là\n\n"
        "La campagne « Rivières vivantes » veut l'adoption d'une motion à l'Assemblée "
        "demandant l'interdiction des barrages privés sur la rivière Rouge. Le collectif a "
        "lancé une pétition demandant cette interdiction.\n\n"
        f"{lead} la pétition maintenant, et faites-le savoir!"
    )
    [petition] = _confident(text, PETITION)
    assert "motion" in petition.text and "barrages privés" in petition.text


# Template letters whose salutation carries a note to the sender


@pytest.mark.parametrize(
    "salutation",
    [
        "Madame la députée ou Monsieur la/le député-e (à adapter selon votre élu·e)",
        "Madame la/le député·e (rayer la mention inutile)",
        "Madame la Députée, Monsieur le Député (au choix)",
    ],
)
def test_a_salutation_with_a_note_to_the_sender_opens_a_letter_to_ones_own_member(salutation):
    text = (
        f"{salutation}\n"
        "La réforme de l'assurance chômage reviendra devant l'Assemblée la semaine prochaine et "
        "elle frappera d'abord les plus précaires.\n"
        "Je vous demande de voter contre cette réforme lors de la seconde lecture.\n"
        "Veuillez agréer, Madame la députée ou Monsieur le député, mes salutations distinguées.\n"
    )
    [letter] = _confident(text, LETTER_TO_MP)
    assert "voter contre cette réforme" in letter.text
    assert "(" not in letter.letter_body.splitlines()[0]


# What a call script asks of one's own member is no petition


@pytest.mark.parametrize(
    "sentence",
    [
        "Il reste peu de temps pour encourager nos députés à rejeter l'accord de libre-échange.",
        "Je voulais donc inciter [Madame la députée/Monsieur le député] à rejeter l'accord de "
        "libre-échange.",
        "Nous devons presser notre députée de rejeter l'accord de libre-échange.",
    ],
)
def test_asking_our_own_members_on_a_call_page_is_what_the_call_says(sentence):
    text = (
        "Appelez votre député pour l'encourager à rejeter l'accord de libre-échange\n\n"
        f"{sentence}\n"
        "Les meilleurs moments pour appeler sont entre 9h et 12h."
    )
    assert _confident(text, PETITION) == []
    [call] = _confident(text, CALL)
    assert "libre-échange" in _said(call)


# An open letter to sign is a petition whose text is the letter


@pytest.mark.parametrize(
    ("ask", "sign_off"),
    [
        (
            "Signez la lettre ouverte ci-dessous pour faire entendre votre voix :",
            "Avec nos salutations,",
        ),
        ("Signez cette lettre et partagez-la :", "Cordialement,"),
        ("Signez notre lettre à la mairesse :", "Veuillez agréer, Madame, nos salutations."),
    ],
)
def test_an_open_letter_to_sign_is_a_petition_holding_the_letter(ask, sign_off):
    text = (
        f"{ask}\n\n"
        "Chère Mme Plante,\n\n"
        "Les ruelles vertes du quartier disparaissent sous le béton. Nous refusons que le "
        "dernier jardin communautaire du Plateau soit vendu à un promoteur.\n\n"
        f"{sign_off}\n"
        "[Ajoutez votre nom]\n"
    )
    [petition] = _confident(text, PETITION)
    assert "jardin communautaire" in _said(petition)
    assert [a for a in _confident(text) if a.kind in (LETTER_TO_MP, LETTER_TO_TARGETS)] == []


def test_what_others_just_launched_is_reported_not_asked():
    text = (
        "Deux groupes, Recycle ton Quartier et Vélo Libre, viennent de lancer une plateforme "
        "pour encourager la Ville à construire un réseau express vélo."
    )
    assert _confident(text, PETITION) == []


# Orders to send letters, worded in other orders (`fr_sending`)


@pytest.mark.parametrize(
    "order",
    [
        "Envoyons au gouvernement Legault fax, courriels et lettres exprimant notre colère face "
        "à la fermeture de l'urgence de Lachute!",
        "Je demande à toutes et à tous d'envoyer au gouvernement Legault des courriels et des "
        "lettres exprimant notre colère face à la fermeture de l'urgence de Lachute.",
        "Envoyez à la ministre Bélanger vos lettres et cartes postales pour dénoncer la "
        "fermeture de l'urgence de Lachute.",
    ],
)
def test_the_recipient_before_the_channels_is_a_letter_to_them(order):
    [letter] = _confident(order, LETTER_TO_TARGETS)
    assert "urgence de Lachute" in letter.text
    assert letter.targets


@pytest.mark.parametrize(
    "order",
    [
        "Nous demandons à chacun d'envoyer, le 8 mars, un ou plusieurs messages à M. Trudeau "
        "en utilisant le formulaire du site.",
        "Nous vous invitons à envoyer, dès lundi, quelques courriels à Mme Fréchette.",
    ],
)
def test_a_pause_between_the_verb_and_the_channel_still_sends_to_the_person_named(order):
    [letter] = _confident(order, LETTER_TO_TARGETS)
    assert any(
        ("Trudeau" in t.role + t.name) or ("Fréchette" in t.role + t.name) for t in letter.targets
    )


def test_a_reported_wish_to_send_letters_is_no_order():
    text = (
        "Selon le syndicat, les membres ont envoyé au gouvernement Legault des lettres "
        "exprimant leur colère, a déclaré la présidente."
    )
    assert _confident(text, LETTER_TO_TARGETS) == []


def test_letters_to_the_same_people_said_twice_are_one():
    text = (
        "Envoyons au conseil municipal courriels et lettres exprimant notre refus du "
        "nouveau stationnement sur la plage.\n\n"
        "Le conseil votera le projet lundi soir, sans consultation publique, après deux ans "
        "de promesses d'un parc riverain ouvert à tous les résidents du quartier.\n\n"
        "Il est encore temps : je demande à tous "
        "d'envoyer au conseil municipal courriels et lettres exprimant notre refus."
    )
    [letter] = _confident(text, LETTER_TO_TARGETS)
    assert "stationnement" in letter.text


@pytest.mark.parametrize(
    ("campaign", "letter"),
    [
        (
            "Faute de versement des primes promises, une campagne est née : « Que le ministère "
            "paie enfin les primes dues aux préposées! ».",
            "Il s'agit d'une lettre que nous vous invitons à envoyer à votre député.",
        ),
        (
            "Notre mobilisation « Qu'Hydro-Québec gèle ses tarifs résidentiels » commence "
            "aujourd'hui.",
            "Voici une carte postale que nous vous invitons, toutes et tous, à envoyer à votre "
            "députée.",
        ),
    ],
)
def test_a_letter_in_a_relative_clause_asks_what_the_campaign_slogan_wishes(campaign, letter):
    [action] = _confident(f"{campaign}\n{letter}", LETTER_TO_MP)
    assert campaign.split("«")[1][:20].strip() in _said(action)
