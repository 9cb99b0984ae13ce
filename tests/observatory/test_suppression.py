"""Small-count suppression: under 5 people hidden, and what subtraction would reveal too."""

from observatory import suppression


def shown(items):
    return [str(item) for item in items]


def test_a_count_of_people_under_five_is_shown_as_less_than_five():
    assert str(suppression.primary(4)) == "< 5"
    assert str(suppression.primary(1)) == "< 5"
    assert str(suppression.primary(0)) == "< 5"
    assert str(suppression.primary(5)) == "5"
    assert suppression.primary(3).number is None
    assert suppression.primary(12).number == 12


def test_counts_that_are_not_people_are_always_shown():
    assert str(suppression.not_people(2)) == "2"


def test_one_hidden_part_of_a_shown_total_hides_the_smallest_other_part_too():
    total, parts = suppression.group(30, [3, 12, 15])
    assert str(total) == "30"
    # 30 − 12 − 15 would give the 3 away: 12 goes too.
    assert shown(parts) == ["< 5", "< 5", "15"]


def test_two_hidden_parts_need_nothing_more():
    total, parts = suppression.group(27, [3, 4, 20])
    assert shown(parts) == ["< 5", "< 5", "20"]
    assert str(total) == "27"


def test_a_single_part_hidden_with_no_other_part_hides_the_total():
    total, parts = suppression.group(6, [3])
    assert str(total) == "< 5"
    assert shown(parts) == ["< 5"]


def test_nothing_hidden_when_every_figure_is_large_enough():
    total, parts = suppression.group(20, [10, 10])
    assert (str(total), shown(parts)) == ("20", ["10", "10"])


def test_a_hidden_total_leaves_the_parts_to_primary_suppression():
    total, parts = suppression.group(4, [0, 4])
    assert str(total) == "< 5"
    assert shown(parts) == ["< 5", "< 5"]


def test_a_rate_is_hidden_when_either_of_its_counts_is():
    assert str(suppression.rate(suppression.primary(3), suppression.primary(10))) == "< 5"
    assert str(suppression.rate(suppression.primary(8), suppression.primary(10))) == "80"
    assert str(suppression.median(12.0, suppression.primary(2))) == "< 5"
