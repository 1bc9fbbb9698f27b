"""Who did something: the signed-in member of staff, or nobody (a command or a journey load)."""

from django.contrib.auth.base_user import AbstractBaseUser


def staff_member(user: AbstractBaseUser | None) -> AbstractBaseUser | None:
    """The user if a member of staff is signed in, else None (an anonymous request or a
    command run without one), for the "recorded by" fields of casework records."""
    return user if user is not None and user.is_authenticated else None
