"""The downloads in the permission matrix (`tables.EXPORTS`): the figures (logged), a
person's or a guest's data, a workshop's registrations and sign-in sheet."""

import pytest

from .cases import cells, check, exports
from .tables import EXPORTS, ROLES


def test_every_row_has_its_request(world):
    assert set(exports(world)) == set(EXPORTS)


CELLS = cells(EXPORTS)


@pytest.mark.parametrize(("row", "role"), CELLS, ids=[f"{row}-{role}" for row, role in CELLS])
def test_each_role_gets_the_answer_in_the_matrix(world, client, row, role):
    check(client, world, role, exports(world)[row], EXPORTS[row][ROLES.index(role)])
