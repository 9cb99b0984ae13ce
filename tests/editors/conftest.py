"""The editors' tests reuse the guides' fixtures (home pages and three known guides)."""

from tests.guides.conftest import guide, guides, guides_data, home_pages  # noqa: F401
