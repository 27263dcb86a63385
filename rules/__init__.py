"""Rule modules, one per family. Importing this package registers every rule."""

from . import duplication, truncation  # noqa: F401
