"""French shapes read in round 11: each test is a short text of our own in the shape of a
French action alert, petition, template letter or appeal that the extractor missed before.

The real French corpus that measures the extractor is kept elsewhere
(tests/campaign/extraction_real/); these texts only pin down the mechanism.
"""

from campaign.extraction import (
    CALL,
    DONATE,
    LETTER_TO_MP,
    LETTER_TO_TARGETS,
    LOW_CONFIDENCE,
    PETITION,
    extract_actions,
)


def _confident(text, kind):
    return [
        action
        for action in extract_actions(text)
        if action.kind == kind and action.confidence >= LOW_CONFIDENCE
    ]


# Petitions


def test_a_demand_for_something_to_be_done_is_the_whole_clause():
    text = (
        "Nous demandons qu'une étude indépendante soit menée afin de savoir si le nouveau "
        "terminal nuit à la qualité de l'air du quartier."
    )
    (action,) = _confident(text, PETITION)
    assert action.text.startswith("qu'une étude indépendante soit menée")
    assert action.addressee == ""


# Letters


def test_a_demand_that_points_back_takes_the_sentence_naming_it():
    text = (
        "La mairesse avait promis un parc au bord du fleuve; une promesse oubliée depuis. "
        "Les familles attendent toujours!\n"
        "Demandez à la Ville de tenir sa promesse en envoyant une lettre dès maintenant."
    )
    (action,) = _confident(text, LETTER_TO_TARGETS)
    assert action.text == "tenir sa promesse"
    assert any("parc au bord du fleuve" in point for point in action.talking_points)


# Donations


def test_initials_in_brackets_and_the_full_name_are_one_organisation():
    text = (
        "Cette semaine, vos dons seront doublés quand vous faites un don à l'Alliance "
        "québécoise des rivières (AQR).\n\n"
        "Il existe aussi d'autres façons de faire un don à l'AQR tout au long de l'année."
    )
    (action,) = _confident(text, DONATE)
    assert action.organisation == "Alliance québécoise des rivières"


def test_an_appeal_naming_nobody_gives_to_whom_the_document_says_gifts_go():
    text = (
        "La grande collecte de dons de Moisson Laurentides se poursuit jusqu'en décembre.\n\n"
        "Votre don de 25 $ permettra de nourrir une famille pendant une semaine."
    )
    (action,) = _confident(text, DONATE)
    assert action.organisation == "Moisson Laurentides"


def test_a_letter_under_a_letterhead_left_blank_is_a_template_even_unsigned():
    text = (
        "Lettre au maire\n\n"
        "[Votre nom]\n[Votre adresse]\n\n"
        "Monsieur le Maire,\n\n"
        "Je vous écris au sujet de la fermeture annoncée de la bibliothèque du quartier Nord, "
        "qui sert des milliers de familles chaque semaine.\n\n"
        "Je vous demande de maintenir la bibliothèque ouverte et de lui garantir un budget "
        "stable pour les cinq prochaines années, comme vous l'aviez promis en campagne."
    )
    (action,) = _confident(text, LETTER_TO_TARGETS)
    assert action.text.startswith("maintenir la bibliothèque ouverte")
    assert action.letter_body.startswith("Monsieur le Maire,")


def test_what_to_tell_the_representative_comes_in_the_orders_after_the_instruction():
    text = (
        "Le vote approche. Je vous invite à contacter votre député dès cette semaine. "
        "DITES-LUI QUE LA FERMETURE DE L'URGENCE METTRAIT DES VIES EN DANGER. "
        "Dites-lui aussi que la région compte sur cet hôpital."
    )
    (action,) = _confident(text, LETTER_TO_MP)
    assert action.text == "la fermeture de l'urgence mettrait des vies en danger"
    assert action.talking_points[1] == "la région compte sur cet hôpital"


def test_a_provinces_senators_are_named_officials_not_the_readers_own():
    text = (
        "Utilisez ce formulaire pour écrire aux sénateurs de l'Ontario et les inciter à "
        "rejeter le projet de loi S-9."
    )
    (action,) = _confident(text, LETTER_TO_TARGETS)
    assert action.text == "rejeter le projet de loi S-9"
    assert [target.role for target in action.targets] == ["sénateurs de l'Ontario"]
    assert not _confident(text, LETTER_TO_MP)


def test_a_petition_whose_ask_is_only_how_it_is_tabled_asks_what_it_is_for():
    text = (
        "Pétition pour rétablir le train de passagers en Gaspésie\n\n"
        "Une fois la pétition signée par 25 personnes, vous pouvez demander à un député fédéral "
        "de la déposer à la Chambre des communes."
    )
    (action,) = _confident(text, PETITION)
    assert action.text == "rétablir le train de passagers en Gaspésie"


def test_a_petition_sites_header_names_the_petition_under_its_title():
    text = (
        "Cette pétition est close\n"
        "Sauvons la piscine municipale de Verdun\n\n"
        "120 soutiens\n\n"
        "Marie L.\n"
        "a lancé une pétition à destination de\n"
        "Conseil d'arrondissement de Verdun\n"
        "La piscine ferme ses portes faute de budget d'entretien."
    )
    (action,) = _confident(text, PETITION)
    assert action.text == "Sauvons la piscine municipale de Verdun"
    assert action.addressee == "Conseil d'arrondissement de Verdun"


def test_a_news_story_about_a_launched_petition_drafts_none():
    text = (
        "Le comité de quartier a lancé une pétition adressée au conseil municipal pour sauver "
        "la piscine, a-t-on appris mardi."
    )
    assert not _confident(text, PETITION)


# Calls


def test_calls_asking_the_same_of_several_people_are_one_call_to_all_of_them():
    text = (
        "Ce que vous pouvez faire :\n"
        "- Appelez le bureau de la ministre des Transports, Julie Tremblay, au 613 555-0141. "
        "Notre message : demandez à madame Tremblay de maintenir la desserte ferroviaire "
        "de la Gaspésie.\n"
        "- Appelez le bureau du premier ministre, Paul Roy, au 1 800 555-0199. "
        "Demandez-lui de maintenir la desserte ferroviaire de la Gaspésie.\n"
    )
    (action,) = _confident(text, CALL)
    assert action.text == "maintenir la desserte ferroviaire de la Gaspésie"
    assert {target.phone for target in action.targets} == {"613 555-0141", "1 800 555-0199"}
    assert not _confident(text, PETITION)


def test_a_recipients_list_below_the_order_to_write_gives_everyone_in_it():
    text = (
        "Écrivez à la ministre de la Culture pour lui demander de sauver le théâtre du "
        "Vieux-Port.\n\n"
        "Voici la liste des adresses courriels à qui envoyer votre lettre, et les numéros de "
        "téléphone à appeler.\n\n"
        "Adresses courriels et numéros de téléphone :\n\n"
        "-> Claire Dion, ministre de la Culture : ministre@culture.gouv.qc.ca / 418 555-0110\n\n"
        "-> Marc Pilon, député de Sainte-Marie : marc.pilon.stma@assnat.qc.ca\n"
    )
    (letter,) = _confident(text, LETTER_TO_TARGETS)
    assert [(t.name, t.email) for t in letter.targets] == [
        ("Claire Dion", "ministre@culture.gouv.qc.ca"),
        ("Marc Pilon", "marc.pilon.stma@assnat.qc.ca"),
    ]
    assert letter.targets[0].role == "ministre de la Culture"
    (call,) = _confident(text, CALL)
    assert call.text == letter.text == "sauver le théâtre du Vieux-Port"
    assert [t.phone for t in call.targets] == ["418 555-0110"]


def test_an_order_to_write_to_them_under_a_list_of_officials_writes_to_the_list():
    text = (
        "L'honorable Anne Leduc, ministre des Pêches — ministre@dfo-mpo.gc.ca\n"
        "L'honorable Paul Roy, ministre de l'Environnement — 613 555-0123\n\n"
        "Écrivez-leur pour leur demander de protéger la baleine noire."
    )
    (action,) = _confident(text, LETTER_TO_TARGETS)
    assert action.text == "protéger la baleine noire"
    assert [(t.name, t.role) for t in action.targets] == [
        ("Anne Leduc", "ministre des Pêches"),
        ("Paul Roy", "ministre de l'Environnement"),
    ]


def test_thanking_readers_for_having_signed_asks_nothing():
    text = "L'an dernier, vous avez été des milliers à signer la pétition pour sauver le parc."
    assert not _confident(text, PETITION)


# Bills


def test_an_ask_pointing_back_to_this_bill_names_its_number():
    text = (
        "Le projet de loi C-404 sera soumis au vote mercredi.\n\n"
        "Appelez votre député et demandez-lui de voter contre ce projet de loi."
    )
    (action,) = _confident(text, CALL)
    assert action.text == "voter contre ce projet de loi C-404"


def test_phoning_the_office_of_ones_representative_is_a_call_to_them():
    text = (
        "Passez à l'action : téléphonez au bureau de votre députée et demandez-lui d'appuyer "
        "la motion sur le logement social."
    )
    (action,) = _confident(text, CALL)
    assert action.text == "appuyer la motion sur le logement social"


def test_how_to_give_to_a_named_organisation_is_an_appeal():
    text = "Pour faire un don à Moisson Outaouais, rendez-vous sur notre page de dons."
    (action,) = _confident(text, DONATE)
    assert action.organisation == "Moisson Outaouais"
