"""The editors' tests reuse the guides' fixtures (home pages and three known guides)."""

from tests.guides.conftest import (  # noqa: F401
    _guides_for_the_module,
    guide,
    guides,
    guides_data,
    home_pages,
)
