"""The CIN census: build (XML), check against the XSD, validate (DfE rules), import."""
