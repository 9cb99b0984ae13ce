"""The other folders' fixtures these tests build on."""

from tests.ambassadors.conftest import aisne, facilitator, ligue  # noqa: F401
from tests.guides.conftest import (  # noqa: F401
    _guides_for_the_module,
    guide,
    guides,
    guides_data,
    home_pages,
)
