"""F: formatting damage (glued sentences, broken tables, blank-line runs, mojibake, HTML remnants).

Importing this package registers its rules.
"""

from . import blanks, case, common, mojibake, remnants, spacing, tables  # noqa: F401
