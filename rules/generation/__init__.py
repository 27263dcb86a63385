"""G: artifacts a text generator leaves behind (citation markers, appended glossaries, prompts).

Importing this package registers its rules.
"""

from . import citations, glossary, prompts  # noqa: F401
