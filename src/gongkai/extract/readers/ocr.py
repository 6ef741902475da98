"""OCR of a page image with rapidocr (the `ocr` extra; its models ship in its wheel, nothing is
downloaded): the words on the page, each with its box and the recogniser's confidence.

A number read with low confidence, or with letters OCR mistakes for digits (O/0, l/1, 〇), is
never trusted: `cell_text` writes it with the OCR doubt mark (`values.OCR_DOUBT`), which the
pipeline turns into an `ocr_low_confidence` doubt on its cell instead of a value.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from gongkai.errors import InputError
from gongkai.extract.values import OCR_DOUBT

#: Numbers read with less confidence than this are flagged, not trusted.
LOW_CONFIDENCE = 0.95
#: What OCR reads in place of digits: letters and signs that look like 0, 1, 2, 5, 6, 8, 9.
CONFUSABLE = frozenset("OoQDUu〇○◯lI|i!Zz Ss$BbGgq")
_DIGITISH = re.compile(r"^[\d,，.．％%]+$")
_UNITS = re.compile(r"(万元|亿元|元|个|件|条|项|次|人|家|份)$")
INSTALL = "请安装 OCR 组件：pip install 'gongkai[ocr]'"


@dataclass(frozen=True)
class Word:
    """A word (a Chinese character, or a run of Latin letters and digits) and where it stands."""

    text: str
    score: float
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


def available() -> bool:
    try:
        import rapidocr  # noqa: F401
    except ImportError:
        return False
    return True


def engine(name: str) -> Any:
    """The OCR engine, made once per process; `InputError` naming the extra when not installed."""
    if not available():
        raise InputError(f"{name} 是扫描件（图像），读取需要 OCR；{INSTALL}")
    return _engine()


@functools.cache
def _engine() -> Any:
    import logging

    from rapidocr import RapidOCR

    engine = RapidOCR(
        params={
            "Global.use_cls": False,  # pages are upright once deskewed; saves a model per box
            "Global.text_score": 0.0,  # keep every box: a weak one is flagged, not dropped
            "Global.max_side_len": 2000,  # as `scan` scales pages: never scaled again here
            "Global.log_level": "error",
        }
    )
    logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    return engine


def recognise(image: Any, name: str) -> list[Word]:
    """The words of a page image (a numpy array, grey or RGB)."""
    result = engine(name)(image, return_word_box=True)
    words: list[Word] = []
    for line in result.word_results or ():
        for found in line:
            if not isinstance(found, tuple) or len(found) != 3 or not found[2]:
                continue  # a page without text gives (("", 1.0, None),)
            text, score, box = found
            xs = [float(p[0]) for p in box]
            ys = [float(p[1]) for p in box]
            if text.strip():
                words.append(Word(text, float(score), min(xs), min(ys), max(xs), max(ys)))
    return words


def numeric(text: str) -> bool:
    """The text is meant as a number: digits, perhaps among letters OCR mistakes for digits."""
    bare = _UNITS.sub("", text.replace(" ", ""))
    if not bare or len(bare) > 16:
        return False
    digits = sum(ch.isdigit() for ch in bare)
    look_alike = sum(ch in CONFUSABLE for ch in bare)
    if digits == 0:
        return look_alike == len(bare) and len(bare) <= 3  # "O", "l", "〇" alone in a cell
    return all(ch.isdigit() or ch in CONFUSABLE or _DIGITISH.match(ch) for ch in bare)


def doubtful(text: str, score: float) -> bool:
    """A number that must not be trusted: read with low confidence, or not all digits."""
    if not numeric(text):
        return False
    bare = _UNITS.sub("", text.replace(" ", ""))
    return score < LOW_CONFIDENCE or any(ch in CONFUSABLE for ch in bare)


def mark(text: str, score: float) -> str:
    """A doubtful number as the pipeline reads it: never as a value, always as a doubt."""
    shown = text.replace(OCR_DOUBT, "").replace("\t", " ").strip() or "?"
    return f"{OCR_DOUBT}{shown}{OCR_DOUBT}{min(score, 0.99):.2f}"


def cell_text(words: list[Word], *, crossed: bool = False) -> tuple[str, float]:
    """The text of the words in one cell (lines top to bottom) and their lowest confidence;
    a number is marked doubtful when unsure or when a word `crossed` the cell's border."""
    if not words:
        return "", 1.0
    from gongkai.extract.readers.pdf import join_lines

    lines = [" ".join(_line_text(line)) for line in lines_of(words)]
    text = join_lines("\n".join(lines))
    score = min(w.score for w in words)
    if numeric(text) and (crossed or doubtful(text, score)):
        return mark(text, 0.0 if crossed else score), score
    return text, score


def lines_of(words: list[Word]) -> list[list[Word]]:
    """Words grouped into lines (their centres within half a line's height), each left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.cy):
        last = lines[-1] if lines else None
        if last and abs(word.cy - sum(w.cy for w in last) / len(last)) < 0.5 * word.height:
            last.append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def _line_text(line: list[Word]) -> list[str]:
    """A line's words joined: no space between Chinese, one where the gap is wide."""
    parts: list[str] = []
    previous: Word | None = None
    for word in line:
        gap = word.x0 - previous.x1 if previous else 0.0
        if previous and gap > 0.4 * word.height and parts:
            parts.append(word.text)
        elif parts:
            parts[-1] += word.text
        else:
            parts.append(word.text)
        previous = word
    return parts
