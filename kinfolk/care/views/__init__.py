"""The care pages."""
