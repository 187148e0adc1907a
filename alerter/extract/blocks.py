"""The component that makes the reading step's blocks sentence boundaries.

Extraction runs on the reading text (alerter/reading), where a line break
stands only between two blocks — paragraphs, titles, headings, bullets, table
rows — and a hard-wrapped line break has become a space. Placed before the
parser, this component starts a sentence at every block, so a heading or a
bullet never runs into the next sentence; inside a block the parser decides.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("alerter_blocks")
def block_starts(doc: Doc) -> Doc:
    """Give the Doc with a sentence start at the first word of every block."""
    for token in doc[:-1]:
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            doc[token.i + 1].is_sent_start = True
    return doc
