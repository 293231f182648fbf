"""Which files an import reads, and which it refuses."""

import pytest

from campaign.document_files import UnreadableDocument, expand_paths, read_document


def test_it_expands_folders_to_their_text_files_in_name_order(tmp_path):
    for name in ["b.txt", "a.txt", "notes.pdf"]:
        (tmp_path / name).write_text("x")

    assert [p.name for p in expand_paths([tmp_path])] == ["a.txt", "b.txt"]


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
