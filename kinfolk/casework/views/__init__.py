"""The child's casework page and the forms that record child in need work."""
