"""Removing children and adults with everything recorded about them: a journey loaded again
with ``--replace`` in place of the one loaded before, and a whole demo authority replaced by
another."""

from django.db import models, transaction
from django.db.models import Q, QuerySet

from kinfolk.people.models import Adult, Child

#: The people a demo authority is made of: everything else it records hangs off them.
PEOPLE: tuple[type[models.Model], ...] = (Child, Adult)


def _referring(model: type[models.Model]) -> list[models.ForeignObjectRel]:
    """The foreign keys of other models that point at ``model``, seen from ``model``: those
    without a reverse accessor (``related_name="+"``) too, which ``related_objects`` leaves
    out."""
    return [
        relation
        for relation in model._meta.get_fields(include_hidden=True)
        if isinstance(relation, models.ForeignObjectRel)
        and (relation.one_to_many or relation.one_to_one)
    ]


def _protecting_models() -> list[type[models.Model]]:
    """The models whose records stop a child's or an adult's records being deleted, in the
    order they can be deleted: a model before any model whose records it protects.

    Deleting a child cascades to everything recorded about it, but a record the cascade
    reaches may protect another that it also reaches (a care episode protects its placement),
    and Django then refuses the whole deletion. Reading the foreign keys, rather than listing
    the models here, keeps this right as record types are added.
    """
    reached: list[type[models.Model]] = list(PEOPLE)
    protects: dict[type[models.Model], set[type[models.Model]]] = {}
    for model in reached:  # grows as the cascade reaches further
        for relation in _referring(model):
            holder = relation.related_model
            assert isinstance(holder, type)  # "self" is resolved to the model once apps load
            if relation.on_delete is models.PROTECT:
                protects.setdefault(holder, set()).add(model)
            # Records that must go when the people go: deleted with them, or in their way.
            goes_with_them = relation.on_delete in (models.CASCADE, models.PROTECT)
            if goes_with_them and holder not in reached:
                reached.append(holder)
    ordered: list[type[models.Model]] = []

    def place(model: type[models.Model], path: tuple[type[models.Model], ...]) -> None:
        if model in ordered:
            return
        if model in path:
            raise RuntimeError(f"records protect each other in a cycle: {(*path, model)}")
        # A model that protects this one's records goes first.
        for holder, protected in protects.items():
            if model in protected:
                place(holder, (*path, model))
        ordered.append(model)

    for holder in protects:
        place(holder, ())
    return [model for model in ordered if model in protects]


def _about(model: type[models.Model], people: dict[type[models.Model], QuerySet]) -> Q:
    """The records of ``model`` about the people being removed, through its own foreign key to
    a child or an adult."""
    condition = Q(pk__in=[])
    keys = 0
    for field in model._meta.fields:
        target = field.related_model
        if isinstance(target, type) and target in people:
            condition |= Q(**{f"{field.name}__in": people[target]})
            keys += 1
    if not keys:
        raise RuntimeError(
            f"{model._meta.label} protects records about people but names no child or adult: "
            "say here how to find the records about the people being removed"
        )
    return condition


@transaction.atomic
def remove_people(children: QuerySet[Child], adults: QuerySet[Adult]) -> None:
    """Delete these children and adults, with everything recorded about them, in one
    transaction. The access log is kept: it has no foreign-key constraint, and outlives the
    records it speaks of (kinfolk/access/models.py)."""
    people: dict[type[models.Model], QuerySet] = {Child: children, Adult: adults}
    for model in _protecting_models():
        model._default_manager.filter(_about(model, people)).delete()
    children.delete()
    adults.delete()


def remove_everyone() -> None:
    """Delete every child and adult, with everything recorded about them."""
    remove_people(Child.objects.all(), Adult.objects.all())
