"""planlint's built-in rules: one module a rule, registered here and nowhere else.

Codes are grouped by family and never renumbered:
  S structure, U units, T timing, P punctuation/typography, N noise/markup, E engine.
"""
from planlint.rules import (
    duplicate_unit,
    missing_deadline,
    missing_lead,
    vague_deadline,
    vague_unit,
)

REGISTRY = [
    missing_lead,
    duplicate_unit,
    vague_unit,
    missing_deadline,
    vague_deadline,
]
