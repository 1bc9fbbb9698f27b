from kinfolk.access.roles import Role

__all__ = ["CASE_HOLDING_ROLES", "Role"]

#: Roles that hold children's cases.
CASE_HOLDING_ROLES = frozenset(
    {Role.SOCIAL_WORKER, Role.PERSONAL_ADVISER, Role.TEAM_MANAGER, Role.ADOPTION}
)
