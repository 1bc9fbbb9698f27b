from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def make_chain_head(using: str = "default", **kwargs: Any) -> None:
    """Start the access log's hash chain in an empty database, when it is migrated or emptied
    (``flush`` sends the same signal), so that the first page served does not have to: every
    request then makes the same queries, the first as the thousandth."""
    from kinfolk.access.chain import GENESIS
    from kinfolk.access.models import AccessChainHead, AccessRecord

    heads = AccessChainHead.objects.using(using)
    if not heads.exists() and not AccessRecord.objects.using(using).exists():
        heads.create(pk=1, last_hash=GENESIS, length=0)


class AccessConfig(AppConfig):
    name = "kinfolk.access"
    label = "access"

    def ready(self) -> None:
        post_migrate.connect(make_chain_head, sender=self, dispatch_uid="access-chain-head")
