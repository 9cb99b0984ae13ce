"""Signals other apps listen to (a lower app never imports a higher one)."""

from django.dispatch import Signal

# Sent once, when a parent has done every step of a guide.
# Arguments: user, page (the guide, in its source language), progress (a GuideProgress),
# is_training_guide (bool: counts on the ambassador path).
guide_completed = Signal()
