"""The other folders' fixtures these tests build on."""

from tests.ambassadors.conftest import aisne, facilitator, ligue  # noqa: F401
from tests.guides.conftest import guide, guides, guides_data, home_pages  # noqa: F401
