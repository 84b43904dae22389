"""Checks across articles, one class per file like pySHACL's constraint components.

Each check (``base.Check``) reads the whole graph once and yields ``Finding``s; ``registry.CHECKS``
lists them in order; ``run`` finds them all and adds them to the SHACL report as sh:ValidationResults
beside pySHACL's, with each check's shape, component, severity and message. The shapes file holds no
stub for them: pySHACL never runs these checks.
"""

from .base import Check, Finding
from .registry import CHECKS
from .run import add_findings, find_inconsistencies

__all__ = ["CHECKS", "Check", "Finding", "add_findings", "find_inconsistencies"]
