"""D: text duplicated within one document.

Importing this package registers its rules.
"""

from . import headings, keys, paragraphs  # noqa: F401
