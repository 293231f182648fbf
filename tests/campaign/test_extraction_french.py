"""French calls to action: petitions, letters, calls, donations, letter bodies, reported speech.

The texts are our own, written in the styles of French-language Canadian action alerts,
petitions and news; the real French corpus that measures the extractor is kept elsewhere.
"""

from campaign.extraction import (
    CALL,
    DONATE,
    LETTER_TO_MP,
    LETTER_TO_TARGETS,
    LOW_CONFIDENCE,
    PETITION,
    extract_actions,
    extract_document,
)
from campaign.extraction.letter_body import SUPPORTER


def _of_kind(text, kind):
    return [action for action in extract_actions(text) if action.kind == kind]


def _confident(text):
    return [action for action in extract_actions(text) if action.confidence >= LOW_CONFIDENCE]


# Petitions


def test_it_finds_signez_la_petition_with_its_purpose():
    text = "Signez la pétition pour protéger l'habitat du caribou de Charlevoix."
    (action,) = _of_kind(text, PETITION)
    assert action.text == "protéger l'habitat du caribou de Charlevoix"
    assert action.confidence >= 0.8


def test_it_finds_signez_notre_petition_alone():
    (action,) = _of_kind("Signez notre pétition !", PETITION)
    assert action.text == "Signez notre pétition"
    assert not action.low_confidence


def test_it_finds_ajoutez_votre_nom():
    text = "Ajoutez votre nom pour que le gouvernement protège les forêts anciennes."
    (action,) = _of_kind(text, PETITION)
    assert action.text == "le gouvernement protège les forêts anciennes"
    assert not action.low_confidence


def test_it_finds_nous_demandons_au_gouvernement_with_addressee_and_demand():
    text = "Nous demandons au gouvernement du Canada de protéger l'habitat essentiel du caribou."
    (action,) = _of_kind(text, PETITION)
    assert action.addressee == "le gouvernement du Canada"
    assert action.text == "protéger l'habitat essentiel du caribou"
    assert action.confidence >= 0.8


def test_it_reads_past_a_department_to_the_demand():
    text = "Nous demandons au ministre de l'Environnement d'adopter un décret d'urgence."
    (action,) = _of_kind(text, PETITION)
    assert action.addressee == "le ministre de l'Environnement"
    assert action.text == "adopter un décret d'urgence"


def test_it_finds_nous_exhortons_with_a():
    text = "Nous exhortons le premier ministre à suspendre les renvois vers Haïti."
    (action,) = _of_kind(text, PETITION)
    assert action.addressee == "le premier ministre"
    assert action.text == "suspendre les renvois vers Haïti"


def test_it_finds_nous_appelons_as_a_petition_not_a_phone_call():
    text = "Nous appelons la ministre de l'Environnement à adopter un décret d'urgence."
    assert _of_kind(text, CALL) == []
    (action,) = _of_kind(text, PETITION)
    assert action.text == "adopter un décret d'urgence"


def test_it_finds_nous_reclamons_without_an_addressee():
    text = "Nous réclamons une enquête publique indépendante sur la mort de Joyce Echaquan."
    (action,) = _of_kind(text, PETITION)
    assert action.text == "une enquête publique indépendante sur la mort de Joyce Echaquan"
    assert not action.low_confidence


def test_it_finds_nous_exigeons_que():
    text = "Nous exigeons que le gouvernement fédéral cesse de subventionner les pétrolières."
    (action,) = _of_kind(text, PETITION)
    assert action.addressee == "le gouvernement fédéral"
    assert action.text == "cesse de subventionner les pétrolières"


def test_it_finds_the_formal_nous_soussignes_petition():
    text = (
        "Pétition à la Chambre des communes\n\n"
        "Nous, soussignés, citoyens et résidents du Canada, demandons à la Chambre des communes "
        "de reconnaître le droit à un logement abordable."
    )
    (action,) = _of_kind(text, PETITION)
    assert action.addressee == "la Chambre des communes"
    assert action.text == "reconnaître le droit à un logement abordable"
    assert action.confidence >= 0.85


def test_it_makes_a_list_after_nous_demandons_the_demand():
    text = (
        "Nous demandons au gouvernement du Canada :\n\n"
        "- de protéger l'habitat du caribou;\n"
        "- d'adopter un décret d'urgence;\n"
        "- de consulter les Premières Nations.\n"
    )
    (action,) = _of_kind(text, PETITION)
    assert action.talking_points == (
        "Protéger l'habitat du caribou",
        "Adopter un décret d'urgence",
        "Consulter les Premières Nations",
    )
    assert "Adopter un décret d'urgence" in action.text


def test_it_finds_demandez_au_gouvernement_as_a_petition():
    text = "Demandez au gouvernement du Québec de protéger les milieux humides."
    (action,) = _of_kind(text, PETITION)
    assert action.addressee == "le gouvernement du Québec"
    assert action.text == "protéger les milieux humides"


def test_it_folds_demandez_au_ministre_into_the_letter_before_it():
    text = (
        "Écrivez au ministre de l'Environnement (ministre@environnement.gouv.qc.ca).\n\n"
        "Demandez au ministre d'adopter la stratégie sur le caribou."
    )
    (action,) = extract_actions(text)
    assert action.kind == LETTER_TO_TARGETS
    assert action.text == "adopter la stratégie sur le caribou"


def test_it_folds_signez_maintenant_into_the_stated_petition():
    text = (
        "Nous demandons à la ministre de l'Environnement d'adopter un décret d'urgence.\n\n"
        "Signez maintenant !"
    )
    (action,) = _of_kind(text, PETITION)
    assert action.text == "adopter un décret d'urgence"


def test_it_does_not_make_asking_the_public_a_petition():
    text = "Nous invitons la population à signer la lettre et à écrire aux élus."
    assert [a for a in _of_kind(text, PETITION) if a.addressee] == []


# Letters to the supporter's MP and calls


def test_it_finds_ecrivez_a_votre_depute_with_its_purpose():
    text = "Écrivez à votre député pour lui demander de voter contre le projet de loi C-12."
    (action,) = _of_kind(text, LETTER_TO_MP)
    assert action.text == "voter contre le projet de loi C-12"
    assert action.confidence >= 0.8


def test_it_finds_envoyez_un_courriel_a_votre_deputee_inclusive_spelling():
    text = "Envoyez un courriel à votre député·e et demandez-lui d'appuyer la motion M-62."
    (action,) = _of_kind(text, LETTER_TO_MP)
    assert action.text == "appuyer la motion M-62"


def test_it_finds_contactez_vos_elus_without_a_purpose():
    (action,) = _of_kind("Contactez vos élu·e·s dès aujourd'hui !", LETTER_TO_MP)
    assert action.text == "Contactez vos élu·e·s dès aujourd'hui"
    assert not action.low_confidence


def test_it_finds_interpellez_votre_deputee_with_a_colon():
    text = "Interpellez votre député(e) : exigez un moratoire sur les rénovictions !"
    (action,) = _of_kind(text, LETTER_TO_MP)
    assert action.text == "exigez un moratoire sur les rénovictions"


def test_it_makes_telephonez_a_votre_depute_a_call():
    text = (
        "Téléphonez à votre député(e) dès aujourd'hui pour lui dire de voter contre le projet "
        "de loi C-12."
    )
    assert _of_kind(text, LETTER_TO_MP) == []
    (action,) = _of_kind(text, CALL)
    assert action.text == "voter contre le projet de loi C-12"


def test_it_makes_dites_au_ministre_a_letter_to_the_minister():
    text = "Dites à la ministre Tremblay de protéger les milieux humides de la Montérégie !"
    (action,) = extract_actions(text)
    assert action.kind == LETTER_TO_TARGETS
    assert action.text == "protéger les milieux humides de la Montérégie"
    assert [(t.role, t.name) for t in action.targets] == [("ministre", "Tremblay")]


def test_it_does_not_make_a_reported_dites_au_ministre_a_letter():
    text = (
        "Les groupes lui ont dit : dites au ministre de protéger les milieux humides, "
        "a-t-il raconté."
    )
    assert [a for a in extract_actions(text) if a.confidence >= 0.5] == []


def test_it_finds_appelez_un_depute_any_one_of_them():
    text = "Appelez un-e député-e pour demander un moratoire sur les forages en Gaspésie."
    (action,) = extract_actions(text)
    assert action.kind == CALL
    assert action.text == "un moratoire sur les forages en Gaspésie"


def test_it_does_not_take_the_callers_words_in_a_script_for_a_petition():
    text = (
        "Voici quoi dire :\n\n"
        "Je vous appelle pour vous encourager à voter contre le projet de loi 21 sur les mines."
    )
    assert _of_kind(text, PETITION) == []


def test_it_makes_a_contact_order_that_names_no_channel_part_of_the_call():
    text = (
        "Appelez votre député pour demander un moratoire sur les forages.\n\n"
        "Contactez votre député pour lui demander d'interdire les forages près des rivières."
    )
    (action,) = extract_actions(text)
    assert action.kind == CALL


def test_it_gives_a_bare_call_the_callers_request_from_the_scripts_steps():
    text = (
        "Téléphonez à votre député\n\n"
        "Étape 1 - Trouvez votre député\n\n"
        "Étape 2 - Faites l'appel\n\n"
        "  • Dites votre nom et que vous sollicitez son appui au programme de repas scolaires.\n"
    )
    (action,) = _of_kind(text, CALL)
    assert action.text == "son appui au programme de repas scolaires"


def test_it_gives_a_bare_letter_to_your_mp_the_demand_stated_next_to_it():
    text = (
        "Nous demandons au gouvernement du Canada de suspendre les renvois vers Haïti.\n\n"
        "Écrivez à votre député !"
    )
    (action,) = _of_kind(text, LETTER_TO_MP)
    assert action.text == "suspendre les renvois vers Haïti"


def test_it_reads_the_familiar_form_too():
    text = "Écris à ton député pour lui demander de protéger les forêts anciennes."
    (action,) = _of_kind(text, LETTER_TO_MP)
    assert action.text == "protéger les forêts anciennes"


# Letters to named officials


def test_it_finds_a_courriel_to_a_minister_with_a_french_department():
    text = (
        "Envoyez un courriel au ministre de l'Environnement et du Changement climatique "
        "(ministre@ec.gc.ca) pour lui demander de protéger le caribou."
    )
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    assert action.text == "protéger le caribou"
    (target,) = action.targets
    assert target.role == "ministre de l'Environnement et du Changement climatique"
    assert target.email == "ministre@ec.gc.ca"
    assert target.kind == "minister"


def test_it_reads_a_role_hard_wrapped_after_de():
    text = (
        "Envoyez un courriel au ministre de\n"
        "l'Environnement (ministre@ec.gc.ca) pour lui demander de protéger le\n"
        "caribou de Charlevoix.\n"
    )
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    assert action.targets[0].role == "ministre de l'Environnement"
    assert action.text == "protéger le caribou de Charlevoix"


def test_it_splits_the_name_from_la_ministre():
    text = (
        "Écrivez à la ministre Mélanie Joly à melanie.joly@parl.gc.ca pour exiger la libération "
        "des prisonniers."
    )
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    (target,) = action.targets
    assert (target.role, target.name) == ("ministre", "Mélanie Joly")
    assert target.email == "melanie.joly@parl.gc.ca"
    assert action.text == "la libération des prisonniers"


def test_it_splits_the_name_after_a_comma_from_the_role():
    text = (
        "Écrivez à la ministre des Affaires étrangères, Mélanie Joly, à melanie.joly@parl.gc.ca "
        "et demandez-lui de condamner les arrestations."
    )
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    (target,) = action.targets
    assert (target.role, target.name) == ("ministre des Affaires étrangères", "Mélanie Joly")
    assert action.text == "condamner les arrestations"


def test_it_keeps_a_long_french_department_in_one_role():
    text = (
        "Écrivez au premier ministre (pm@pm.gc.ca) et à la ministre de l'Immigration, des "
        "Réfugiés et de la Citoyenneté (minister@cic.gc.ca)."
    )
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    roles = {(t.role, t.kind) for t in action.targets}
    assert roles == {
        ("premier ministre", "head_of_government"),
        ("ministre de l'Immigration, des Réfugiés et de la Citoyenneté", "minister"),
    }


def test_it_recognises_la_premiere_ministre_as_head_of_government():
    text = "Écrivez à la première ministre de l'Alberta, Danielle Smith, à premier@gov.ab.ca."
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    (target,) = action.targets
    assert target.role == "première ministre de l'Alberta"
    assert target.name == "Danielle Smith"
    assert target.kind == "head_of_government"


def test_it_recognises_a_depute_de_circonscription_as_an_mp():
    text = (
        "Écrivez au député de Rosemont\u2013La Petite-Patrie, Alexandre Boulerice "
        "(alexandre.boulerice@parl.gc.ca)."
    )
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    (target,) = action.targets
    assert target.role == "député de Rosemont\u2013La Petite-Patrie"
    assert target.kind == "mp"


def test_it_reads_a_french_contact_block_after_a_colon():
    text = (
        "Écrivez à la ministre :\n\n"
        "L'honorable Jane Doe\n"
        "Ministre de l'Environnement\n"
        "Courriel : jane.doe@parl.gc.ca\n"
        "Téléphone : 613-555-0100\n\n"
        "Demandez-lui de protéger les milieux humides."
    )
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    (target,) = action.targets
    assert (target.name, target.role) == ("Jane Doe", "Ministre de l'Environnement")
    assert (target.email, target.phone) == ("jane.doe@parl.gc.ca", "613-555-0100")
    assert action.text == "protéger les milieux humides"


def test_it_makes_appelez_le_bureau_de_la_ministre_a_call():
    text = (
        "Appelez le bureau de la ministre de l'Immigration au 613-992-4211 pour lui demander "
        "de suspendre les renvois."
    )
    (action,) = _of_kind(text, CALL)
    assert action.text == "suspendre les renvois"
    (target,) = action.targets
    assert target.phone == "613-992-4211"


def test_it_does_not_target_the_organisations_own_contacts():
    text = (
        "Pour nous joindre, écrivez-nous à info@coalition.org.\n\n"
        "Pour toute question, contactez Julie au 514-555-0199."
    )
    assert extract_actions(text) == []


# Donations


def test_it_finds_faites_un_don_a_with_the_organisation():
    text = "Faites un don à Équiterre pour soutenir nos campagnes."
    (action,) = _of_kind(text, DONATE)
    assert action.organisation == "Équiterre"
    assert action.text == "Faire un don à Équiterre pour soutenir nos campagnes"
    assert action.confidence >= 0.8


def test_it_keeps_the_article_before_the_organisation():
    (action,) = _of_kind("Faites un don à la Fondation David Suzuki dès aujourd'hui.", DONATE)
    assert action.organisation == "Fondation David Suzuki"
    assert action.text == "Faire un don à la Fondation David Suzuki"


def test_it_finds_donnez_and_takes_the_organisation_from_the_document():
    text = (
        "Le Comité logement Rosemont défend les locataires depuis 1978.\n\nDonnez généreusement !"
    )
    (action,) = _of_kind(text, DONATE)
    assert action.organisation == "Comité logement Rosemont"


def test_it_finds_soutenez_notre_travail_par_un_don():
    (action,) = _of_kind("Soutenez notre travail par un don.", DONATE)
    assert not action.low_confidence


def test_it_does_not_take_donations_in_the_news_for_an_appeal():
    assert _confident("Les dons ont afflué après l'incendie, selon la Croix-Rouge.") == []


# Letter bodies


def test_it_gives_a_letter_to_your_mp_its_french_body():
    text = (
        "Écrivez à votre député :\n\n"
        "Madame, Monsieur le député,\n\n"
        "Je vous demande d'appuyer le projet de loi C-12 sur la protection des caribous.\n\n"
        "Veuillez agréer, Madame, Monsieur, l'expression de mes\n"
        "sentiments distingués.\n\n"
        "[Votre nom]\n"
    )
    (action,) = _of_kind(text, LETTER_TO_MP)
    assert action.letter_body.startswith("Madame, Monsieur le député,")
    assert "sentiments distingués." in action.letter_body
    assert action.letter_body.endswith(SUPPORTER)
    assert action.text == "appuyer le projet de loi C-12 sur la protection des caribous"


def test_it_gives_a_letter_to_a_minister_its_body_and_target():
    text = (
        "Envoyez cette lettre à la ministre de l'Environnement "
        "(ministre@environnement.gouv.qc.ca) :\n\n"
        "Madame la Ministre,\n\n"
        "Nous vous demandons de protéger les milieux humides du Québec.\n\n"
        "Salutations distinguées\n"
        "[Nom]\n"
    )
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    assert action.letter_body.startswith("Madame la Ministre,")
    assert action.letter_body.endswith(SUPPORTER)
    assert action.targets[0].email == "ministre@environnement.gouv.qc.ca"
    assert action.text == "protéger les milieux humides du Québec"


def test_it_finds_a_letter_to_the_prime_minister_on_its_own():
    text = (
        "Monsieur le Premier Ministre,\n\n"
        "Je vous prie de suspendre les renvois vers Haïti.\n\n"
        "Cordialement,\n"
        "Signature\n"
    )
    (action,) = extract_actions(text)
    assert action.kind == LETTER_TO_TARGETS
    assert action.text == "suspendre les renvois vers Haïti"
    assert action.targets[0].kind == "head_of_government"
    assert action.letter_body.endswith(SUPPORTER)


def test_it_does_not_take_a_newsletter_to_members_for_a_letter():
    text = "Chers amis,\n\nMerci pour votre soutien cette année.\n\nCordialement,\nJulie\n"
    assert extract_actions(text) == []


def test_it_reads_a_bonjour_letter_introduced_as_an_example():
    text = (
        "Écrivez à votre député. Voici un exemple de message :\n"
        "Bonjour,\n"
        "Je suis résidente de votre circonscription et je m'inquiète pour la rivière.\n"
        "Je vous demande d'interdire les rejets industriels dans la rivière Saint-Charles.\n"
        "Salutations.\n"
    )
    (action,) = _of_kind(text, LETTER_TO_MP)
    assert action.letter_body.startswith("Bonjour,")
    assert action.letter_body.endswith("Salutations.")
    assert action.text == "interdire les rejets industriels dans la rivière Saint-Charles"


def test_it_does_not_read_a_bonjour_newsletter_as_a_letter():
    text = (
        "Bonjour,\n"
        "Voici les nouvelles de l'association pour le mois de mars et nos prochaines sorties.\n"
        "Merci\n"
    )
    assert extract_actions(text) == []


def test_it_reads_an_unsigned_template_cut_short_with_a_blank_addressee():
    text = (
        "Copiez-collez la lettre suivante :\n\n"
        "Cher (ère), [nom du candidat]\n\n"
        "Je vous demande de défendre le financement des refuges pour femmes au Canada.\n\n"
        "Si vous êtes élu, allez-vous voter pour un financement stable des refuges et des"
    )
    (action,) = extract_actions(text)
    assert "Cher (ère), {{ representative_name }}" in action.letter_body
    assert action.letter_body.endswith("des refuges et des")
    assert action.text == "défendre le financement des refuges pour femmes au Canada"


def test_it_sends_a_template_to_the_recipients_its_heading_names():
    text = (
        "Modèle de lettre à envoyer aux candidats\n\n"
        "Copiez-collez la lettre suivante :\n\n"
        "Madame, Monsieur,\n\n"
        "Je vous demande de vous engager à protéger les refuges pour femmes au Canada.\n\n"
        "Cordialement,\n"
        "[Votre nom]\n"
    )
    (action,) = extract_actions(text)
    assert action.kind == LETTER_TO_TARGETS
    assert [t.role for t in action.targets] == ["candidats"]


def test_it_reads_a_page_that_is_a_letter_to_an_official():
    text = (
        "M. le Président de la République,\n"
        "Face à la crise qui touche les locataires, nous appelons à une action forte.\n"
        "Nous vous exhortons à interdire les expulsions pendant l'hiver dans tout le pays.\n"
    )
    (action,) = extract_actions(text)
    assert action.kind == LETTER_TO_TARGETS
    assert action.letter_body.startswith("M. le Président de la République,")
    assert action.text == "interdire les expulsions pendant l'hiver dans tout le pays"


# Reported speech


def test_it_scores_a_demand_planned_for_later_low():
    text = "Après les élections, on va demander au prochain gouvernement de protéger la forêt."
    assert _confident(text) == []


def test_it_scores_a_demand_reported_in_the_past_low():
    text = "La coalition a demandé au gouvernement de protéger l'habitat du caribou."
    assert _confident(text) == []


def test_it_scores_what_groups_reclament_low():
    text = "Des groupes réclament une enquête publique sur la mort de Joyce Echaquan."
    (action,) = _of_kind(text, PETITION)
    assert action.low_confidence


def test_it_scores_a_demand_in_guillemets_low():
    text = "« Nous demandons au gouvernement d'agir maintenant », a déclaré Marie Tremblay."
    assert _confident(text) == []


def test_it_scores_a_demand_followed_by_a_declare_low():
    text = (
        "Nous demandons au gouvernement d'agir maintenant, a déclaré la porte-parole de la "
        "coalition."
    )
    assert _confident(text) == []


def test_it_scores_an_ask_selon_someone_low():
    text = (
        "Selon la coalition, le gouvernement doit écouter les groupes qui réclament un moratoire."
    )
    assert _confident(text) == []


def test_it_reads_a_french_news_report_as_reporting():
    text = (
        "MONTRÉAL — La Ligue des droits et libertés exhorte le gouvernement à abandonner le "
        "projet de loi.\n\n"
        "Le ministre a déclaré qu'il étudiait la question."
    )
    assert _confident(text) == []


# The whole document


def test_it_reads_a_french_appeal_end_to_end():
    text = (
        "Sauvons le caribou de Charlevoix\n\n"
        "Il ne reste que 18 caribous dans la harde de Charlevoix.\n\n"
        "Nous demandons au gouvernement du Québec de protéger leur habitat.\n\n"
        "Écrivez au ministre de l'Environnement (ministre@environnement.gouv.qc.ca) et "
        "demandez-lui d'adopter la stratégie sans délai.\n\n"
        "Faites un don à Nature Québec pour soutenir la campagne.\n"
    )
    document = extract_document(text)

    assert document.language == "fr"
    assert document.warnings == ()
    kinds = [(a.kind, a.text) for a in document.actions if not a.low_confidence]
    assert kinds == [
        (PETITION, "protéger leur habitat"),
        (LETTER_TO_TARGETS, "adopter la stratégie sans délai"),
        (DONATE, "Faire un don à Nature Québec pour soutenir la campagne"),
    ]
    for action in document.actions:
        assert text[action.evidence.start : action.evidence.end] == action.evidence.quote


# Petition pages


def test_it_reads_nous_soussignes_prions_with_the_demands_listed():
    text = (
        "Pétition au gouvernement du Canada\n\n"
        "Nous soussignés, résidents du Canada, prions le gouvernement du Canada de :\n"
        "1. Financer le transport collectif dans les régions;\n"
        "2. Réduire le prix des titres mensuels.\n"
    )
    (action,) = [a for a in _of_kind(text, PETITION) if a.confidence >= 0.5]
    assert "transport collectif" in action.text
    assert action.addressee == "le gouvernement du Canada"


def test_demander_followed_by_an_article_names_no_addressee():
    text = (
        "Le collectif appelle les citoyens à demander un gel des loyers afin de protéger "
        "les locataires."
    )
    assert [a for a in _of_kind(text, PETITION) if a.addressee.startswith("un ")] == []


def test_a_bare_request_to_sign_takes_the_purpose_said_before_it():
    text = (
        "Une pétition a été mise en ligne afin de demander le gel des tarifs d'électricité. "
        "Nous invitons les gens à signer la pétition à cette adresse : exemple.org/tarifs\n"
    )
    (action,) = _of_kind(text, PETITION)
    assert action.text == "le gel des tarifs d'électricité"
    assert action.evidence.quote.startswith("Nous invitons")


def test_a_petition_page_holds_one_petition():
    text = (
        "Texte de la pétition\n\n"
        "Nous, soussignés, demandons au ministre des Transports de rétablir la desserte "
        "ferroviaire de la Gaspésie.\n\n"
        "Demandez au gouvernement de financer le train sans plus tarder.\n"
    )
    (action,) = [a for a in _of_kind(text, PETITION) if a.confidence >= 0.5]
    assert action.text.startswith("rétablir la desserte ferroviaire")
    assert "financer le train sans plus tarder" in action.talking_points


def test_a_page_with_two_formal_petitions_keeps_both():
    text = (
        "Nous, soussignés, demandons au gouvernement du Québec de protéger le lac Saint-Pierre.\n\n"
        "Nous, soussignés, demandons au gouvernement du Québec de financer les refuges.\n"
    )
    assert len([a for a in _of_kind(text, PETITION) if a.confidence >= 0.5]) == 2


# Donations


def test_an_appeal_ending_in_a_colon_takes_the_payee_of_the_payment_block():
    text = (
        "Faites un don sur :\n"
        "BE12 3456 7890 1234\n"
        "GEBA BE BB\n"
        "Fondation des Abris d'urgence, 1000 Bruxelles\n"
    )
    (action,) = _of_kind(text, DONATE)
    assert action.organisation == "Fondation des Abris d'urgence"


def test_apporter_votre_soutien_financier_is_an_appeal():
    text = (
        "Si vous souhaitez apporter votre soutien financier aux grévistes, le Syndicat des "
        "cols bleus organise une caisse de solidarité."
    )
    (action,) = _of_kind(text, DONATE)
    assert action.confidence >= 0.5


# Briefs and help contacts


def test_a_brief_sent_a_l_adresse_suivante_is_a_letter_to_that_address():
    text = (
        "Il est possible de participer à la consultation en transmettant un mémoire à "
        "l'adresse suivante : consultation.lacs@environnement.gouv.qc.ca.\n\n"
        "Pour que l'on soit nombreux à demander des règles strictes pour les lacs, nous "
        "proposons des arguments.\n"
    )
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    assert action.confidence >= 0.5
    assert [t.email for t in action.targets] == ["consultation.lacs@environnement.gouv.qc.ca"]
    assert action.text == "des règles strictes pour les lacs"


def test_a_contact_for_help_is_not_a_target():
    text = (
        "Vous avez des questions? Communiquez avec Julie Tremblay, responsable des campagnes : "
        "julie.tremblay@exemple.org.\n"
    )
    assert _of_kind(text, LETTER_TO_TARGETS) == []


# Officials without contact details, members of a chamber, a bill named once


def test_communiquer_avec_les_ministres_afin_de_leur_rappeler_is_a_letter():
    text = (
        "Nous vous invitons à communiquer avec les ministres concernés afin de leur rappeler "
        "pourquoi il faut protéger les milieux humides."
    )
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    assert action.confidence >= 0.5
    assert action.text == "pourquoi il faut protéger les milieux humides"
    assert [t.role for t in action.targets] == ["ministres"]


def test_interpeller_les_deputes_et_senateurs_is_a_letter_to_ones_representatives():
    text = "Le collectif invite chacune et chacun à interpeller les députés et sénateurs."
    (action,) = _of_kind(text, LETTER_TO_MP)
    assert action.confidence >= 0.5


def test_demander_aux_elus_stays_a_petition():
    text = "Nous demandons aux élus de voter contre le projet de loi."
    assert _of_kind(text, LETTER_TO_MP) == []


def test_repeated_orders_to_write_to_the_members_are_one_letter_naming_the_bill():
    text = (
        "Le Parlement examine une proposition de loi « relative au secret des sources ».\n\n"
        "Nous invitons chacun à interpeller les députés avant le vote de cette proposition "
        "de loi.\n\n"
        "Vous pouvez aussi écrire aux députés de votre département en quelques clics.\n"
    )
    (action,) = [a for a in _of_kind(text, LETTER_TO_MP) if a.confidence >= 0.5]
    assert "« relative au secret des sources »" in action.text


def test_a_letter_that_says_nothing_takes_the_summary_under_a_resume_heading():
    text = (
        "Envoyez un courriel à la ministre des Transports\n\n"
        "Conseil pratique\n\n"
        "Votre message n'a pas besoin d'être parfait.\n\n"
        "Résumé de la campagne\n"
        "Le train de la Gaspésie doit rouler jusqu'à Gaspé. Le financement promis tarde à venir. "
        "Est-ce acceptable ?\n"
    )
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    assert action.talking_points == (
        "Le train de la Gaspésie doit rouler jusqu'à Gaspé",
        "Le financement promis tarde à venir",
    )


# Language


def test_a_french_body_in_an_english_interface_is_french():
    body = (
        "Le 3 mars prochain, les députés de l'Assemblée nationale examineront un projet de loi "
        "qui autoriserait la surveillance de masse des communications. Adopté en l'état, ce "
        "texte porterait gravement atteinte à nos droits fondamentaux et banaliserait des "
        "mesures d'exception sans contrôle préalable d'un juge, ce que nous refusons."
    )
    interface = [
        "Call for free",
        "If you want to call for free, you must provide us with your phone number first.",
        "Call at your expense",
        "Please take a second to give us your feedback.",
        "Were you able to reach somebody or not? How long did the conversation last?",
    ]
    text = "\n\n".join([*interface, body])
    assert extract_document(text).language == "fr"


def test_a_bilingual_page_stays_english():
    english = (
        "On March 3 the members of the National Assembly will examine a bill that would allow "
        "the mass surveillance of communications. Passed as it stands, this bill would seriously "
        "harm our fundamental rights and make emergency measures normal without any review by "
        "a judge first, which we refuse, and we ask you to act."
    )
    french = (
        "Le 3 mars prochain, les députés de l'Assemblée nationale examineront un projet de loi "
        "qui autoriserait la surveillance de masse des communications. Adopté en l'état, ce "
        "texte porterait gravement atteinte à nos droits fondamentaux et banaliserait des "
        "mesures d'exception sans contrôle préalable d'un juge, ce que nous refusons."
    )
    assert extract_document(f"{english}\n\n{french}").language == "en"


# Templates run together on one line


def test_a_template_salutation_in_the_middle_of_a_line_starts_the_letter():
    text = (
        "Modèle de lettre pour votre député\n\n"
        "Date Nom du député Chambre des communes Ottawa (Ontario) K1A 0A6 Monsieur le député, "
        "Je suis une électrice de votre circonscription et je vous écris au sujet du transport "
        "collectif. Je vous demande d'appuyer le financement du train régional de l'Outaouais. "
        "Veuillez agréer mes salutations distinguées."
    )
    (action,) = _of_kind(text, LETTER_TO_MP)
    assert action.letter_body.startswith("Monsieur le député,")
    assert action.text == "appuyer le financement du train régional de l'Outaouais"


def test_monsieur_le_ministre_mid_sentence_outside_a_template_is_no_letter():
    text = (
        "Le porte-parole a lancé Monsieur le ministre, Vous devez agir pour les locataires "
        "de la ville et nous attendons une réponse rapide de votre part."
    )
    assert [a for a in extract_actions(text) if a.letter_body] == []


def test_a_template_for_your_mp_addressed_to_a_minister_is_a_letter_to_your_mp():
    text = (
        "Modèle de lettre pour votre député ou sénateur\n\n"
        "Monsieur le ministre,\n\n"
        "Je vous écris pour vous demander de financer la recherche sur les maladies rares au "
        "Canada.\n\n"
        "Veuillez agréer mes salutations distinguées.\n\n"
        "[Votre nom]\n"
    )
    (action,) = [a for a in extract_actions(text) if a.letter_body]
    assert action.kind == LETTER_TO_MP
    assert action.targets == ()


def test_a_page_asking_to_sign_several_petitions_keeps_one_cut_before_its_demand():
    text = (
        "Vous êtes invités à signer les deux pétitions suivantes :\n\n"
        "Protection des berges\n\n"
        "CONSIDÉRANT QUE les berges s'érodent;\n\n"
        "Nous, soussignés, demandons au gouvernement du Québec de protéger les berges du "
        "fleuve.\n\n"
        "Gratuité du transport scolaire\n\n"
        "CONSIDÉRANT QUE les familles paient de plus en plus;\n"
    )
    petitions = [a for a in _of_kind(text, PETITION) if a.confidence >= 0.5]
    assert [a.text for a in petitions] == [
        "protéger les berges du fleuve",
        "Gratuité du transport scolaire",
    ]


def test_a_titled_whereas_block_alone_is_no_petition():
    text = (
        "Gratuité du transport scolaire\n\nCONSIDÉRANT QUE les familles paient de plus en plus;\n"
    )
    assert [a for a in _of_kind(text, PETITION) if a.confidence >= 0.5] == []


def test_dashes_alone_on_their_lines_list_what_the_petition_demands():
    text = (
        "Nous, soussignés, demandons au gouvernement du Québec qu\u2019il :\n"
        "-\n"
        "Rétablisse le service de traversier;\n"
        "-\n"
        "Publie le calendrier des travaux.\n"
    )
    (action,) = [a for a in _of_kind(text, PETITION) if a.confidence >= 0.5]
    assert action.text == "Rétablisse le service de traversier; Publie le calendrier des travaux"
    assert action.addressee == "le gouvernement du Québec"


def test_an_ask_made_by_sending_a_letter_is_a_letter_not_a_petition():
    text = "Demandez au ministre de la Santé de rouvrir la clinique en envoyant une lettre."
    assert not _of_kind(text, PETITION)
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    assert action.text == "rouvrir la clinique"
    assert action.targets[0].role == "le ministre de la Santé"


def test_your_mp_last_in_a_list_of_recipients_is_a_letter_to_the_mp():
    text = (
        "Utilisez ce formulaire pour écrire à la ministre des Finances et à votre député "
        "pour leur dire de financer les refuges."
    )
    (action,) = _of_kind(text, LETTER_TO_MP)
    assert "financer les refuges" in action.text
    assert action.confidence >= 0.8


def test_pour_faire_un_don_rendez_vous_is_an_appeal_from_the_acronym_named():
    text = (
        "Pour faire un don, rendez-vous sur la page https://exemple.org/don\n"
        "Le RQL défend les locataires depuis 1980. Sans vous, le RQL ne peut rien."
    )
    (action,) = _of_kind(text, DONATE)
    assert action.organisation == "RQL"


def test_signatories_asking_someone_for_something_is_a_petition_to_them():
    text = (
        "Nous, signataires de cette pétition, demandons au conseil municipal de Laval "
        "la réouverture de la bibliothèque du quartier."
    )
    (action,) = _of_kind(text, PETITION)
    assert action.text == "la réouverture de la bibliothèque du quartier"
    assert action.addressee == "le conseil municipal de Laval"
    assert action.confidence >= 0.8


def test_a_bare_signing_takes_the_formal_wishes_listed_after_it_as_points():
    text = (
        "Protégeons nos rivières\n\n"
        "Signez la pétition !\n\n"
        "- 1 - Que le gouvernement interdise les rejets d'eaux usées dans les rivières;\n"
        "- 2 - Que la province finance la mise à niveau des stations d'épuration.\n"
    )
    (action,) = _of_kind(text, PETITION)
    assert action.talking_points == (
        "Que le gouvernement interdise les rejets d'eaux usées dans les rivières",
        "Que la province finance la mise à niveau des stations d'épuration",
    )


def test_a_single_que_clause_is_no_list_of_wishes():
    text = "Signez la pétition !\n\nQue le gouvernement nous entende enfin, disait-elle.\n"
    (action,) = _of_kind(text, PETITION)
    assert action.talking_points == ()


def test_an_appeal_naming_no_one_goes_to_the_name_that_speaks_as_an_organisation():
    text = (
        "Inondations au Bas-Saint-Laurent\n"
        "Je fais un don\n"
        "Après les crues, Secours-Riverain met en lumière les besoins des familles.\n"
        "Secours-Riverain appelle le Québec à revoir ses cartes de zones inondables.\n"
    )
    (action,) = _of_kind(text, DONATE)
    assert action.organisation == "Secours-Riverain"


def test_a_place_given_an_article_is_not_the_fundraiser():
    text = (
        "Je fais un don\n"
        "Québec appelle à la prudence. Québec demande des comptes aux villes.\n"
        "Le budget du Québec est serré.\n"
    )
    (action,) = _of_kind(text, DONATE)
    assert action.organisation != "Québec"


# An instruction that says nothing borrows the demand stated around it


def test_a_bare_letter_borrows_the_demand_of_the_sentence_before():
    text = (
        "Le gouvernement doit cesser de financer les nouveaux pipelines.\n\n"
        "Écrivez à votre député !"
    )
    (action,) = _of_kind(text, LETTER_TO_MP)
    assert action.text == "Le gouvernement doit cesser de financer les nouveaux pipelines"


def test_a_bare_letter_borrows_the_demand_of_the_heading_above():
    text = (
        "Bulletin de la coalition\n\n"
        "Sauvons la forêt boréale\n\n"
        "Les coupes menacent l'habitat du caribou depuis des années.\n\n"
        "Écrivez à votre député."
    )
    (action,) = _of_kind(text, LETTER_TO_MP)
    assert action.text == "Sauvons la forêt boréale"


def test_a_bare_letter_borrows_the_demand_of_the_title():
    text = (
        "Non au projet de mine au lac Bleu\n\n"
        "Le projet menace l'eau potable de trois villages.\n\n"
        "Les audiences publiques ont lieu cet automne.\n\n"
        "Écrivez à votre député."
    )
    (action,) = _of_kind(text, LETTER_TO_MP)
    assert action.text == "Non au projet de mine au lac Bleu"


def test_a_heading_that_only_names_the_act_is_not_a_demand():
    text = (
        "Bulletin de la coalition\n\n"
        "Passez à l'action\n\n"
        "Les audiences publiques ont lieu cet automne.\n\n"
        "Écrivez à votre député."
    )
    (action,) = _of_kind(text, LETTER_TO_MP)
    assert action.text == "Écrivez à votre député"


def test_an_instruction_that_says_what_to_ask_keeps_its_own_text():
    text = (
        "Sauvons la forêt boréale\n\n"
        "Écrivez à votre député pour lui demander de protéger les lacs du Nord."
    )
    (action,) = _of_kind(text, LETTER_TO_MP)
    assert action.text == "protéger les lacs du Nord"
