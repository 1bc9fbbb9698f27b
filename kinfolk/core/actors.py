"""Who did something: the signed-in member of staff, or nobody (a command or a journey load).

Services in every layer take the person acting as an argument, typed ``Actor``. At run time
that is Django's ``AbstractBaseUser`` (the layers below ``workforce`` may not import its
model); the type checker is told the real model, ``workforce``'s ``User``, so that a service
handing its actor to a field that holds a ``User`` type-checks. The import-linter contracts
ignore imports made only for type checking.
"""

from typing import TYPE_CHECKING, cast

from django.contrib.auth.base_user import AbstractBaseUser

if TYPE_CHECKING:
    from kinfolk.workforce.models import User as Actor
else:
    Actor = AbstractBaseUser


def staff_member(user: AbstractBaseUser | None) -> "Actor | None":
    """The user if a member of staff is signed in, else None (an anonymous request or a
    command run without one), for the "recorded by" fields of casework records."""
    return cast("Actor", user) if user is not None and user.is_authenticated else None
