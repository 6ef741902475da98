"""The agency's letters (告知书): the answer for every outcome, the correction request, the
extension, the consultation letters and the fee notice, each from an editable template, with the
remedy sentence where the letter decides something. Pure: no Django, no clock.

    letter = render_letter(LetterKind.DENIED_STATE_SECRET, facts)
    letter_pdf(letter), letter_docx(letter)
"""

from gongkai.letters.dates import chinese_date
from gongkai.letters.errors import LetterError, MissingFacts, TemplateError
from gongkai.letters.facts import Agency, LetterFacts
from gongkai.letters.kinds import LetterKind, Recipient
from gongkai.letters.numbers import DEFAULT_NUMBER_PATTERN, letter_number, number_pattern_problem
from gongkai.letters.output import letter_docx, letter_pdf
from gongkai.letters.placeholders import PLACEHOLDERS
from gongkai.letters.remedy import REVIEW_FIRST, REVIEW_FIRST_SINCE, reconsideration_first, remedy
from gongkai.letters.render import Letter, render_letter
from gongkai.letters.templates import (
    DEFAULT_BODIES,
    LetterTemplate,
    check_template,
    default_template,
)

__all__ = [
    "DEFAULT_BODIES",
    "DEFAULT_NUMBER_PATTERN",
    "PLACEHOLDERS",
    "REVIEW_FIRST",
    "REVIEW_FIRST_SINCE",
    "Agency",
    "Letter",
    "LetterError",
    "LetterFacts",
    "LetterKind",
    "LetterTemplate",
    "MissingFacts",
    "Recipient",
    "TemplateError",
    "check_template",
    "chinese_date",
    "default_template",
    "letter_docx",
    "letter_number",
    "letter_pdf",
    "number_pattern_problem",
    "reconsideration_first",
    "remedy",
    "render_letter",
]
