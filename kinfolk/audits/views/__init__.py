"""The audit pages (docs/audits.md)."""
