"""newskg's spaCy components: one per file, each registered where it is defined."""
