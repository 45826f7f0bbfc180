"""Decoding articles: BOMs, strict UTF-8, detection, an explicit encoding, binary data refused."""

from __future__ import annotations

import codecs

import pytest

from quotes.batch.encodings import DecodingError, check_encoding, decode_bytes
from quotes.batch.inputs import InputOptions, iter_documents
from quotes.errors import QuotesError

ARTICLE = "“We will respond to the attack,” the group said on Tuesday. The minister’s office declined to comment."


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_a_bom_says_the_encoding_and_is_dropped(bom, codec):
    decoded = decode_bytes(bom + ARTICLE.encode(codec))
    assert (decoded.text, decoded.encoding, decoded.guessed) == (ARTICLE, codec, False)


def test_utf8_first_then_detection_prefers_cp1252():
    assert decode_bytes(ARTICLE.encode("utf-8")) == decode_bytes(ARTICLE.encode("utf-8"), "utf-8")
    assert not decode_bytes(ARTICLE.encode("utf-8")).guessed
    decoded = decode_bytes(ARTICLE.encode("cp1252"))  # curly quotes are bytes 0x93 and 0x94
    assert (decoded.text, decoded.encoding, decoded.guessed) == (ARTICLE, "cp1252", True)


def test_utf16_without_bom_is_detected():
    decoded = decode_bytes(ARTICLE.encode("utf-16-le"))
    assert (decoded.text, decoded.guessed) == (ARTICLE, True)


def test_an_explicit_encoding_is_used_as_given():
    assert decode_bytes(ARTICLE.encode("cp1252"), "cp1252").text == ARTICLE
    assert decode_bytes(codecs.BOM_UTF8 + ARTICLE.encode(), "utf-8").text == ARTICLE
    assert decode_bytes("café".encode("latin-1"), "iso8859-1").text == "café"
    with pytest.raises(DecodingError, match="not valid utf-8 at byte 0"):
        decode_bytes(ARTICLE.encode("cp1252"), "utf-8")


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"text\x00\x00with NULs", bytes(range(256))])
def test_binary_data_is_refused(data):
    with pytest.raises(DecodingError, match="binary data"):
        decode_bytes(data)
    with pytest.raises(DecodingError, match="binary data"):
        decode_bytes(data, "iso8859-1")


def test_encoding_names_are_checked():
    assert check_encoding("latin-1") == "iso8859-1"
    assert check_encoding("auto") == "auto"
    with pytest.raises(QuotesError, match="no such encoding"):
        check_encoding("klingon")


def test_documents_carry_their_encoding_and_jsonl_must_be_utf8(tmp_path):
    (tmp_path / "a.txt").write_bytes(ARTICLE.encode("cp1252"))
    (tmp_path / "feed.jsonl").write_bytes(b'{"id": "x", "body": "caf\xe9"}\n{"id": "y", "text": "t"}\n')
    a, bad, y = iter_documents([str(tmp_path)], InputOptions(encoding="cp1252"))
    assert (a.text, a.encoding, a.encoding_guessed) == (ARTICLE, "cp1252", False)
    assert "line 1 is not UTF-8" in (bad.error or "") and "JSON Lines must be UTF-8" in (bad.error or "")
    assert (y.text, y.encoding) == ("t", "utf-8")
    wrong = next(iter_documents([str(tmp_path / "a.txt")], InputOptions(encoding="utf-8")))
    assert wrong.text is None and wrong.error == "not valid utf-8 at byte 0"


def test_a_line_without_the_text_field_names_its_fields(tmp_path):
    (tmp_path / "feed.jsonl").write_text('{"id": "x", "body": "the article", "n": 3}\n', encoding="utf8")
    (document,) = iter_documents([str(tmp_path / "feed.jsonl")])
    assert document.error == (
        "line 1 has no string field 'text' (name the text's field with --text-field; its string fields: id, body)"
    )
