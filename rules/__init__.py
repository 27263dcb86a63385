"""Rule packages, one per code family. Importing this package registers every rule."""

from lintnews import suppress as _suppress  # noqa: F401,E402  (registers E901, E902)

from . import chrome, corpus, duplication, formatting, generation, seo, truncation  # noqa: F401
