"""What the guides tell the apps above them (sent by `guides.services`, never by a model save)."""

from django.dispatch import Signal

# Sent once, after the commit, when a parent has done every step of a guide.
# Arguments: user, page (the guide, in its source language), progress (a GuideProgress),
# is_training_guide (bool: counts on the ambassador path).
guide_completed = Signal()
