"""lintnews: a linter for news and web-article text."""

__version__ = "0.1.0"
