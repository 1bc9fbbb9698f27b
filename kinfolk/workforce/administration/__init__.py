"""User administration: the pages on which an administrator manages staff accounts, teams and
lockouts, and the Django admin site for reference data (docs/user-administration.md)."""
