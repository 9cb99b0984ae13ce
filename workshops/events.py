"""What the workshops tell the apps above them (sent by their services after the commit).

Never a `post_save` on a workshops model: a queryset `.update()` would bypass it.
"""

from django.dispatch import Signal

# Families were marked present. Arguments: user_ids (accounts among them; guests have none).
attendance_recorded = Signal()
