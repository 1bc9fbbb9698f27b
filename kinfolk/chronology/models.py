"""The chronology: one timeline per child, written by the domain services."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.querysets import ChronologyEntryQuerySet


class ChronologyEntry(models.Model):
    """Something that happened in a child's life or casework, on a date.

    Inspectors ask for "one electronic record with an automatic chronology" (docs/domain.md, b):
    entries are written by the services that record the casework, never typed separately.
    ``is_significant`` marks events that shape the child's story (a birth, a plan, a move).
    """

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="chronology_entries"
    )
    occurred_on = models.DateField(_("date"))
    #: A code from ``EntryKind``: each app declares the kinds it writes (kinfolk.chronology.choices).
    kind = models.CharField(_("kind"), max_length=40)
    summary = models.CharField(_("summary"), max_length=300)
    detail = models.TextField(_("detail"), blank=True)
    is_significant = models.BooleanField(_("significant"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    #: Another child the entry names ("Noah Jones recorded as sibling"). Shown to someone who
    #: may not see that child as "a restricted record" (``shown_summary``).
    # No foreign-key constraint: when that child's record is removed the entry still knows
    # whom it names, and keeps hiding them.
    other_child = models.ForeignKey(
        "people.Child",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )

    objects = ChronologyEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_on", "-pk"]
        indexes = [
            models.Index(fields=["child", "-occurred_on", "-id"], name="chronology_child_date")
        ]
        verbose_name = _("chronology entry")
        verbose_name_plural = _("chronology entries")

    def __str__(self) -> str:
        return f"{self.occurred_on}: {self.summary}"

    @property
    def names_hidden_child(self) -> bool:
        """Whether the entry names a child the reader may not see. Only an entry read through
        ``ChronologyEntryQuerySet.read_by`` knows who may be named; any other names no one
        else."""
        if self.other_child_id is None:
            return False
        return not getattr(self, "other_child_is_visible", False)

    @property
    def shown_summary(self) -> str:
        """The summary as the reader may see it."""
        return str(_("A restricted record")) if self.names_hidden_child else self.summary

    @property
    def shown_detail(self) -> str:
        return "" if self.names_hidden_child else self.detail

    @property
    def kind_label(self) -> str:
        """What the entry's kind is called, such as "Strategy discussion"."""
        return EntryKind.label(self.kind)
