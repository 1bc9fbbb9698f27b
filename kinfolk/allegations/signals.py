"""An allegation concerns at least one child: removing the last child's record (a journey
loaded again with ``--replace``) removes the allegation too."""

from typing import Any

from django.db.models.signals import post_delete
from django.dispatch import receiver

from kinfolk.allegations.models import Allegation, AllegationChild


@receiver(post_delete, sender=AllegationChild)
def remove_allegation_without_children(
    sender: Any, instance: AllegationChild, **kwargs: Any
) -> None:
    Allegation.objects.filter(pk=instance.allegation_id, links__isnull=True).delete()
