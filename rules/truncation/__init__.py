"""T: text cut off mid-sentence or mid-word.

Importing this package registers its rules.
"""

from . import document, endings, sentence, shape  # noqa: F401
