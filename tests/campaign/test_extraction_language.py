"""The language gate: English and French are read, any other language is not."""

from campaign.extraction import extract_actions, extract_document
from campaign.extraction.language import guess_language

SPANISH = (
    "Salvemos el bosque\n\n"
    "Firma la petición y pide al gobierno que proteja el bosque. Escribe a tu diputado para que "
    "vote en contra del proyecto de ley. Gracias por tu apoyo.\n"
)
GERMAN = (
    "Rettet den Wald\n\n"
    "Bitte unterschreiben Sie die Petition und schreiben Sie Ihrem Abgeordneten. Wir fordern "
    "die Regierung auf, den Wald zu schützen.\n"
)
ENGLISH_THEN_FRENCH = (
    "Save the school / Sauvons l'école\n\n"
    "Write to the Board Chair (chair@board.example) and ask her to keep the school open.\n\n"
    "Écrivez à la présidente du conseil (chair@board.example) et demandez-lui de garder "
    "l'école ouverte.\n"
)


def test_it_reads_an_english_appeal_as_english():
    assert guess_language("Sign our petition. We call on the government to act now.") == "en"


def test_it_reads_a_french_appeal_as_french():
    text = "Signez notre pétition. Nous demandons au gouvernement d'agir dès maintenant."
    assert guess_language(text) == "fr"


def test_it_reads_a_short_french_order_as_french():
    assert guess_language("Signez la pétition !") == "fr"


def test_it_keeps_a_headline_too_short_to_judge_in_english():
    assert guess_language("PHARMACARE NOW") == "en"


def test_it_does_not_take_accented_names_for_french():
    assert guess_language("Café Résistance fundraiser") == "en"


def test_it_recognises_spanish_as_neither():
    assert guess_language(SPANISH) == ""


def test_it_recognises_german_as_neither():
    assert guess_language(GERMAN) == ""


def test_it_finds_nothing_in_spanish_and_says_why():
    document = extract_document(SPANISH)

    assert document.actions == ()
    assert document.language == ""
    assert document.warnings == ("written in neither English nor French; no actions",)


def test_it_gives_no_warning_for_english():
    document = extract_document("Sign our petition. We call on the government to act now.")

    assert document.language == "en"
    assert document.warnings == ()


def test_it_finds_nothing_in_german_even_when_asked_for_actions():
    assert extract_actions(GERMAN) == []


def test_it_reads_a_bilingual_page_once_in_english():
    assert guess_language(ENGLISH_THEN_FRENCH) == "en"


def test_it_reads_a_french_page_with_an_english_menu_as_french():
    text = (
        "Home | About | Donate\n\n"
        "Le gouvernement veut fermer la seule école francophone du quartier. Nous demandons au "
        "conseil scolaire de garder l'école ouverte, et nous avons besoin de vous.\n\n"
        "Écrivez à votre députée pour lui demander d'appuyer les parents.\n"
    )
    assert guess_language(text) == "fr"


def test_it_puts_the_language_and_warnings_in_the_json():
    data = extract_document(SPANISH).to_dict()

    assert data["language"] == ""
    assert data["warnings"] == ["written in neither English nor French; no actions"]
