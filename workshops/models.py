"""Workshops: organisations' venues, workshops, registrations and attendance (see issue 4)."""
