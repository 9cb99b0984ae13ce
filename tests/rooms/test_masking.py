"""Phone numbers and e-mail addresses typed into a room are masked before saving."""

import pytest

from rooms.masking import EMAIL_MASK, PHONE_MASK, mask_contacts

PHONES = [
    "06 12 34 56 78",
    "06.12.34.56.78",
    "06-12-34-56-78",
    "0612345678",
    "07 98 76 54 32",
    "01 23 45 67 89",
    "(01) 23 45 67 89",
    "09 70 12 34 56",
    "+33 6 12 34 56 78",
    "+33612345678",
    "+33 (0)6 12 34 56 78",
    "0033 6 12 34 56 78",
    "+33 1 23 45 67 89",
    "+590 690 12 34 56",  # Guadeloupe
    "0690 12 34 56",
    "+262 692 12 34 56",  # La Réunion
    "+596 696 12 34 56",  # Martinique
    "+594 694 12 34 56",  # Guyane
    "+269 639 12 34 56",  # Mayotte
    "06 12 34 56 78",  # non-breaking spaces
]

EMAILS = [
    "samira@example.org",
    "samira.benali@gmail.com",
    "parent+ecole@orange.fr",
    "Jean-Luc_Martin@laposte.net",
    "samira (at) gmail (dot) com",
    "samira[at]free[dot]fr",
    "samira @ gmail.com",
]

NOT_CONTACTS = [
    "Rendez-vous le 12/03/2025 à 18h30",
    "Mes enfants ont 8 et 11 ans",
    "Code postal 75012, Paris",
    "Identifiant EduConnect : j.dupont12",
    "Il a eu 15,5 de moyenne au 2e trimestre",
    "Le collège ouvre à 7h45",
    "https://educonnect.education.gouv.fr",
    "Numéro fiscal 1234567890123",
]


@pytest.mark.parametrize("phone", PHONES)
def test_french_phone_numbers_are_masked(phone):
    masked, changed = mask_contacts(f"Appelez-moi au {phone} ce soir.")
    assert changed
    assert masked == f"Appelez-moi au {PHONE_MASK} ce soir."


@pytest.mark.parametrize("email", EMAILS)
def test_email_addresses_are_masked(email):
    masked, changed = mask_contacts(f"Écrivez-moi : {email} merci")
    assert changed
    assert masked == f"Écrivez-moi : {EMAIL_MASK} merci"


@pytest.mark.parametrize("text", NOT_CONTACTS)
def test_dates_ages_and_links_are_left_alone(text):
    assert mask_contacts(text) == (text, False)


def test_several_contacts_in_one_message():
    masked, _ = mask_contacts("Moi 06 12 34 56 78, lui 0033 7 98 76 54 32, mail a@b.fr")
    assert masked == f"Moi {PHONE_MASK}, lui {PHONE_MASK}, mail {EMAIL_MASK}"
