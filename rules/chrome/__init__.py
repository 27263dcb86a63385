"""B: site chrome — the widgets, labels, prompts, footers and toolbars of the web page around the
article.

Importing this package registers its rules.
"""

from . import (  # noqa: F401
    breadcrumb,
    comment_headers,
    enclosed,
    footer,
    galleries,
    labels,
    landmark_blocks,
    login,
    menus,
    notices,
    regions,
    share,
    toolbars,
)
