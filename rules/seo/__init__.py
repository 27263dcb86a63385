"""S: SEO filler and related-content blocks spliced into the article.

Importing this package registers its rules.
"""

from . import faq, filler, link_lists, related, sections, teasers, title_sidebar, titles  # noqa: F401
