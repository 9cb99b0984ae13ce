"""The base's own data (message opt-outs) and the append-only record every history uses."""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _


class OptOutQuerySet(models.QuerySet):
    def opted_out(self, recipient) -> set[str]:
        """The recipient's contacts that asked for no optional message."""
        contacts = [c for c in (recipient.email, recipient.phone) if c]
        if not contacts:
            return set()
        return set(self.filter(contact__in=contacts).values_list("contact", flat=True))


class OptOut(models.Model):
    """An e-mail address or mobile number that wants no reminders or news (codes and
    cancellations still reach it)."""

    contact = models.CharField(_("e-mail or mobile phone"), max_length=254, unique=True)
    created_at = models.DateTimeField(_("asked on"), auto_now_add=True)

    objects = OptOutQuerySet.as_manager()

    class Meta:
        verbose_name = _("message opt-out")
        verbose_name_plural = _("message opt-outs")

    def __str__(self):
        return str(_("opt-out #%(pk)s") % {"pk": self.pk})


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionDenied("This history is append-only.")

    def delete(self):
        raise PermissionDenied("This history is append-only.")


class AppendOnlyModel(models.Model):
    """A record that is written once and never changed nor deleted from the code.

    (Erasing a person's account still removes their history: Django's cascade deletes
    rows directly, without these methods.)"""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionDenied("This history is append-only.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("This history is append-only.")
