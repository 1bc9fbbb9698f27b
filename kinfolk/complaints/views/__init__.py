"""The complaints pages (docs/complaints.md)."""
