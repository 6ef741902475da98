"""What each kind of letter must cite: the article its decision or step rests on."""

from __future__ import annotations

from gongkai.letters import LetterKind

K = LetterKind

# Kinds whose article is not simply their outcome's `ground.basis`.
_ARTICLES = {
    K.GRANTED: "第三十六条第二项",
    K.GRANTED_PUBLISHED: "第三十六条第一项",
    K.UNABLE_NOT_HELD: "第三十六条第四项",
    K.UNABLE_NOT_THIS_AGENCY: "第三十六条第五项",
    K.OTHER_MISC: "",
    K.CORRECTION_REQUEST: "第三十条",
    K.EXTENSION: "第三十三条第二款",
    K.CONSULTATION: "第三十二条",
    K.CONSULTATION_AGENCY: "第三十四条",
    K.CONSULTATION_NOTICE: "第三十三条第三款",
    K.FEE_NOTICE: "第四十二条",
}


def article(kind: LetterKind) -> str:
    if kind in _ARTICLES:
        return _ARTICLES[kind]
    assert kind.outcome is not None
    return kind.outcome.ground.basis
