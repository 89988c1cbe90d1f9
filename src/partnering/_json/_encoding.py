"""Bytes to text and text to bytes: an exchange file is UTF-8, without a byte order mark."""

from __future__ import annotations

from partnering._json._problems import describe_char, error

__all__ = ["decode", "encode"]


def _sniff_wide_encoding(raw: bytes | bytearray) -> str | None:
    """Name the UTF-16 or UTF-32 encoding *raw* seems to use, if any.

    A JSON text starts with an ASCII character, so NUL bytes among the first bytes (or a byte
    order mark) give a UTF-16 or UTF-32 file away, as RFC 4627 section 3 describes.
    """
    head = bytes(raw[:4])
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    if len(head) >= 2 and (head[0] == 0 or head[1] == 0):
        if len(head) == 4 and (head[:3] == b"\x00\x00\x00" or head[1:] == b"\x00\x00\x00"):
            return "UTF-32"
        return "UTF-16"
    return None


def decode(raw: bytes | bytearray) -> str:
    """Decode *raw* as strict UTF-8, refusing byte order marks and wide encodings.

    Raises:
        JSONParseError: code ``json-encoding``, at the first byte that is not UTF-8.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        raise error(
            "json-encoding",
            "The file starts with a byte order mark (BOM), which JSON does not allow.",
            hint="Save the file as UTF-8 without a byte order mark (in many editors this is "
            "called 'UTF-8' rather than 'UTF-8 with BOM').",
            text="",
            offset=0,
        )
    wide = _sniff_wide_encoding(raw)
    if wide is not None:
        raise error(
            "json-encoding",
            f"The file seems to be encoded as {wide}, but JSON exchange files must be UTF-8.",
            text="",
            offset=0,
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as problem:
        # Everything before the first bad byte is valid UTF-8, so it can be decoded to count
        # lines and characters.
        before = bytes(raw[: problem.start]).decode("utf-8")
        if problem.end == len(raw) and problem.reason == "unexpected end of data":
            # The start of a character of several bytes, and then the end: a JSON text ends
            # with a bracket, a digit, a letter or white space, so in any encoding a
            # complete file would have more after it. The file was cut short.
            cut = " ".join(f"0x{byte:02X}" for byte in raw[problem.start :])
            last = "last byte" if len(raw) - problem.start == 1 else "last bytes"
            start = "starts" if len(raw) - problem.start == 1 else "start"
            raise error(
                "json-encoding",
                f"The file ends in the middle of a character: its {last} ({cut}) {start} a "
                "character of UTF-8 whose other bytes are missing. The file is probably "
                "truncated.",
                hint="Check that the file is complete: copy, download or export it again.",
                text=before,
                offset=len(before),
            ) from None
        raise error(
            "json-encoding",
            f"The file is not valid UTF-8: the byte 0x{raw[problem.start]:02X} here does not "
            "belong to any character. The file was probably saved in another encoding (such "
            "as Windows-1252 or Latin-1).",
            text=before,
            offset=len(before),
        ) from None


def encode(text: str) -> bytes:
    """Encode a document given as text to UTF-8, refusing text that has no UTF-8 form.

    Raises:
        JSONParseError: code ``json-encoding``, at a byte order mark or a lone surrogate.
    """
    if text.startswith("\ufeff"):
        raise error(
            "json-encoding",
            "The text starts with a byte order mark (U+FEFF), which JSON does not allow.",
            hint="Remove the byte order mark; if the text was read from a file, save that "
            "file as UTF-8 without a byte order mark.",
            text="",
            offset=0,
        )
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as problem:
        raise error(
            "json-encoding",
            f"The text contains {describe_char(text[problem.start])}, half of a character "
            "pair (a lone surrogate), which cannot be written as UTF-8.",
            hint="Replace it with the intended character.",
            text=text,
            offset=problem.start,
        ) from None
