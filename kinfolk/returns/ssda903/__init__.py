"""The SSDA903 return: build (one CSV per table), validate (DfE rules), import."""
