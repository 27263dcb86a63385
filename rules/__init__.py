"""Rule modules, one per family. Importing this package registers every rule."""

from . import chrome, corpus, duplication, formatting, generation, seo, truncation  # noqa: F401
from lintnews import suppress as _suppress  # noqa: F401,E402  (registers E901, E902)
