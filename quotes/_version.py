"""The package's version, on its own so that setuptools reads it without importing spaCy."""

__version__ = "0.1.0"

#: The name on the package index (``quotes`` there is another project); the import package and command are ``quotes``.
DISTRIBUTION = "quotes-news-attribution"
