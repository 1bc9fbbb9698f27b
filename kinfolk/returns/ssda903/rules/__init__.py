"""The SSDA903 validation rules of the lac2025_26 ruleset, one class per rule."""
