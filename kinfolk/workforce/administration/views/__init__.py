"""The administration pages: staff accounts (``users``) and teams (``teams``)."""
