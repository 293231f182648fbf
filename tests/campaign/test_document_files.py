"""Which files an import reads, and which it refuses."""

import pytest

from campaign.document_files import UnreadableDocument, expand_paths, read_document
from tests.campaign.pdf_files import blank_pdf, encrypted_pdf, text_pdf, truncated_pdf


def test_it_expands_folders_to_their_documents_in_name_order(tmp_path):
    for name in ["b.txt", "a.txt", "c.pdf", "notes.docx"]:
        (tmp_path / name).write_text("x")

    assert [p.name for p in expand_paths([tmp_path])] == ["a.txt", "b.txt", "c.pdf"]


def test_it_strips_a_byte_order_mark(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffHello".encode())

    assert read_document(path).text == "Hello"


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty"), (b"\xff\xfe\x00a", "not UTF-8 text"), (b"a\x00b", "binary content")],
)
def test_it_refuses_unusable_content_with_a_reason(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)

    with pytest.raises(UnreadableDocument, match=reason):
        read_document(path)


def test_it_reads_an_html_page_as_its_text_in_paragraphs(tmp_path):
    path = tmp_path / "appeal.html"
    path.write_text(
        "<html><head><title>Appeal</title><script>track()</script></head><body>"
        "<h1>Act now</h1><p>Email the Minister\nsaying that you:</p>"
        "<ul><li>Condemn the arrests</li><li>Ask for <b>visas</b></li></ul></body></html>"
    )

    assert read_document(path).text == (
        "Act now\n\nEmail the Minister saying that you:\n\n"
        "\u2022 Condemn the arrests\n\u2022 Ask for visas\n"
    )


def test_it_reads_a_pdf_as_the_text_of_its_pages(tmp_path):
    path = tmp_path / "appeal.pdf"
    path.write_bytes(text_pdf("Write to your MP", "Please contact your MP today."))

    assert read_document(path).text == "Write to your MP\nPlease contact your MP today.\n"


def test_it_reads_a_pdf_by_its_content_whatever_its_name(tmp_path):
    path = tmp_path / "appeal.txt"
    path.write_bytes(text_pdf("Write to your MP"))

    assert read_document(path).text == "Write to your MP\n"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (encrypted_pdf("Write to your MP"), "protected by a password"),
        (blank_pdf(), "has no text"),
        (truncated_pdf(), "damaged or incomplete"),
        (b"Just text, named .pdf", "not a PDF"),
    ],
)
def test_it_refuses_a_pdf_it_cannot_read_text_from(tmp_path, content, reason):
    path = tmp_path / "appeal.pdf"
    path.write_bytes(content)

    with pytest.raises(UnreadableDocument, match=reason):
        read_document(path)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "a PNG image"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "a zip archive"),
        (b"\xff\xd8\xff\xe0JFIF", "a JPEG image"),
        (b"text with a \x1b[31m terminal escape", "control characters"),
    ],
)
def test_it_refuses_a_binary_file_named_as_text_saying_what_it_is(tmp_path, content, reason):
    path = tmp_path / "appeal.txt"
    path.write_bytes(content)

    with pytest.raises(UnreadableDocument, match=reason):
        read_document(path)


def test_it_reads_a_text_that_mentions_the_pdf_header_as_text(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Every PDF starts with %PDF-1.4 on its first line.")

    assert read_document(path).text.startswith("Every PDF")
