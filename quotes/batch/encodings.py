"""Turning an article's bytes into text: a BOM, then strict UTF-8, then detection, or the encoding the user gave.

News archives hold cp1252 and UTF-16 files next to UTF-8 ones; reading them as UTF-8 would
refuse or garble them. Detection (charset-normalizer) is a guess, so the caller records
whether the encoding was guessed. Text full of NUL characters is binary data and refused,
whatever the encoding: no codec turns a PNG into an article.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

from quotes.errors import QuotesError

AUTO = "auto"

#: Longest first: the UTF-32 LE BOM begins with the UTF-16 LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: When detection finds several encodings that give the very same text, the one news archives use.
PREFERRED = ("cp1252",)


class DecodingError(ValueError):
    """The bytes are not text in the encoding given or found; the message says why."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    guessed: bool = False


def check_encoding(name: str) -> str:
    """The codec's canonical name (``latin-1`` → ``iso8859-1``), or a usage error for an unknown one."""
    if name == AUTO:
        return AUTO
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise QuotesError(f"--encoding {name!r}: no such encoding (try auto, utf-8, cp1252, latin-1, utf-16)") from None


def decode_bytes(data: bytes, encoding: str = AUTO) -> Decoded:
    """The text of ``data``: in ``encoding`` if given (a BOM of it dropped), else by BOM, UTF-8 or detection."""
    if encoding != AUTO:
        return _refuse_binary(Decoded(_decode(data, encoding).removeprefix("\ufeff"), encoding))
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _refuse_binary(Decoded(_decode(data[len(bom) :], codec, f" after its {codec} BOM"), codec))
    try:
        decoded = Decoded(data.decode("utf-8"), "utf-8")
        if "\x00" not in decoded.text:
            return decoded
    except UnicodeDecodeError:
        pass
    return _refuse_binary(_detect(data))


def _decode(data: bytes, codec: str, where: str = "") -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise DecodingError(f"not valid {codec} at byte {error.start}{where}") from None


def _detect(data: bytes) -> Decoded:
    """charset-normalizer's best guess; of the encodings giving the same text, cp1252 if it is one."""
    best = from_bytes(data).best()
    if best is None:
        if b"\x00" in data:
            raise DecodingError("binary data (NUL bytes), not text")
        raise DecodingError("not UTF-8 and no encoding fits (binary data?); give one with --encoding")
    same_text = {codecs.lookup(name).name for name in best.could_be_from_charset}
    codec = next((name for name in PREFERRED if name in same_text), codecs.lookup(best.encoding).name)
    return Decoded(_decode(data, codec), codec, guessed=True)


def _refuse_binary(decoded: Decoded) -> Decoded:
    if "\x00" in decoded.text:
        raise DecodingError(f"binary data (NUL characters as {decoded.encoding}), not text")
    return decoded
