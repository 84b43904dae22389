"""Validation: core SHACL with pySHACL, plus the cross-article consistency checks, as one frozen report."""
