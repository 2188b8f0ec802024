"""Text from people and files: cleaned where it arrives, made safe where it leaves.

Control characters reach the tracker from Word (U+000B is its manual line break, U+000C
its page break) and from pasted or imported text. XML, and so XLSX and DOCX, cannot
carry most of them, nor lone surrogates or U+FFFE/U+FFFF: one such character in a
stored note made every download that included it fail. So text is cleaned at the
boundary (forms, imports, admin, commands), and every file writer passes what it
writes through `xml_safe`, whatever is already stored.
"""

import re

_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# C0 and C1 controls other than tab and newline (line breaks are handled above).
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(value: str) -> str:
    """Line breaks as newlines, other control characters and lone surrogates removed."""
    value = _LINE_BREAKS.sub("\n", value)
    value = _CONTROLS.sub("", value)
    return _NOT_XML.sub("", value)


def is_xml_safe(value: str) -> bool:
    """True when xml_safe(value) would return it unchanged (one scan, in C)."""
    return _NOT_XML.search(value) is None


def xml_safe(value: str) -> str:
    """What XML 1.0 can carry: Word's line and page breaks become newlines, the rest
    of what it cannot carry is dropped."""
    if not _NOT_XML.search(value):
        return value
    return _NOT_XML.sub("", _LINE_BREAKS.sub("\n", value))
