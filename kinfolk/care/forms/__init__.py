"""The care forms, one module a topic, as in ``kinfolk.care.services``."""
