"""Text from users made safe for a document: no control characters, no characters XML forbids.

Escaping itself is the writers' job (HTML escaping in `markup`, python-docx escapes XML); this
module only removes what no document may hold. Tabs become spaces; line breaks are kept where a
field may span lines and turned into spaces where it may not.
"""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 controls, DEL, lone surrogates, the two non-characters XML 1.0 forbids, and the
# bidirectional overrides that could reorder what a reader sees.
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]"
)
_NEWLINES = re.compile(r"\r\n|\r|\u2028|\u2029|\x85")


def clean(text: str, *, multiline: bool = False) -> str:
    """`text` without control characters; line breaks kept only when `multiline`."""
    text = _NEWLINES.sub("\n", unicodedata.normalize("NFC", text)).replace("\t", " ")
    if not multiline:
        text = text.replace("\n", " ")
    return _FORBIDDEN.sub("", text).strip()


def lines(text: str) -> list[str]:
    """The non-blank lines of `text`, each cleaned."""
    return [line for raw in clean(text, multiline=True).split("\n") if (line := raw.strip())]
