"""Phone numbers: the one place that reads, checks and shows them (metropolitan and overseas)."""

import re

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

# Metropolitan France first, then the overseas regions: a national number ("0690 12 34 56")
# belongs to the first region where it is a real number. Guadeloupe, Martinique, Guyane,
# La Réunion and Mayotte share France's 06/07 mobile plan but have their own country codes.
NATIONAL_REGIONS = ("FR", "GP", "MQ", "GF", "RE", "YT", "BL", "MF", "PM")
# Every region whose numbers are French, reachable by a French SMS operator.
FRENCH_REGIONS = frozenset(NATIONAL_REGIONS) | {"WF", "PF", "NC"}
MOBILE_TYPES = frozenset({PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE})
# What people type around the digits: spaces (also no-break), dots, dashes, slashes, brackets.
_SEPARATORS = re.compile(r"[\s.\-/()\u00a0\u202f]")


class InvalidPhone(ValueError):
    """Not a French phone number."""


class NotMobile(InvalidPhone):
    """A real number, but a landline: no text message can reach it."""


def _parse_national(digits: str) -> phonenumbers.PhoneNumber | None:
    for region in NATIONAL_REGIONS:
        try:
            number = phonenumbers.parse(digits, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return number
    return None


def parse(value: str) -> phonenumbers.PhoneNumber:
    """The number typed, however it is typed; InvalidPhone when it is not a French number.

    "06 12 34 56 01", "06.12.34.56.01", "+33 6 12 34 56 01", "0033612345601", "0690 12 34 56"
    (Guadeloupe), "+590 690 12 34 56", and "+33 6 90 12 34 56" (a Guadeloupe mobile written
    with the metropolitan code, as many people do) are all understood.
    """
    text = _SEPARATORS.sub("", str(value or ""))
    if text.startswith("00"):
        text = "+" + text[2:]
    if not re.fullmatch(r"\+?\d{4,15}", text):
        raise InvalidPhone(value)
    if text.startswith("+"):
        try:
            number = phonenumbers.parse(text, None)
        except phonenumbers.NumberParseException as error:
            raise InvalidPhone(value) from error
        if number.country_code == 33 and not phonenumbers.is_valid_number(number):
            # "+33 690…": an overseas number with the metropolitan country code.
            number = _parse_national("0" + str(number.national_number)) or number
    else:
        number = _parse_national(text)
    if number is None or not phonenumbers.is_valid_number(number):
        raise InvalidPhone(value)
    if phonenumbers.region_code_for_number(number) not in FRENCH_REGIONS:
        raise InvalidPhone(value)
    return number


def is_mobile(number: phonenumbers.PhoneNumber | str) -> bool:
    if isinstance(number, str):
        try:
            number = parse(number)
        except InvalidPhone:
            return False
    return phonenumbers.number_type(number) in MOBILE_TYPES


def normalise(value: str, *, mobile: bool = True) -> str:
    """The E.164 form kept in the database ("+33612345601", "+590690123456")."""
    number = parse(value)
    if mobile and not is_mobile(number):
        raise NotMobile(value)
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def format_national(value: str | None) -> str:
    """The number as people write it in France: "06 12 34 56 01", "06 90 12 34 56".

    Anything that cannot be read is given back unchanged (never an error on a page).
    """
    if not value:
        return ""
    try:
        number = parse(value)
    except InvalidPhone:
        return str(value)
    national = phonenumbers.national_significant_number(number)
    if len(national) == 9 and number.country_code in (33, 262, 590, 594, 596):
        digits = "0" + national
        return " ".join(digits[i : i + 2] for i in range(0, 10, 2))
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
