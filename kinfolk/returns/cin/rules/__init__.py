"""The CIN census validation rules of the cin2025_26 ruleset, one class per rule."""
