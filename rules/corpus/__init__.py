"""N: rules over the whole corpus of one run (near and exact duplicates, site templates).

Importing this package registers its rules.
"""

from . import documents  # noqa: F401
