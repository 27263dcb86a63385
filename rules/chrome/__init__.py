"""B: site chrome — the widgets, labels, prompts, footers and toolbars of the web page around the
article.

Importing this package registers its rules.
"""

from . import breadcrumb, comment_headers, footer, labels, menus, notices, regions, share, toolbars  # noqa: F401
