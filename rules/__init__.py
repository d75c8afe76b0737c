"""planlint's built-in rules: one module a rule, registered here and nowhere else.

Codes are grouped by family and never renumbered:
  S structure, U units, T timing, P punctuation/typography, N noise/markup, E engine.
The five core rules (SPEC §2) come first; their names are fixed.
"""
from planlint.rules import (
    boilerplate,
    deadline_passed,
    deadline_period,
    duplicate_unit,
    empty_task,
    halfwidth_punctuation,
    heading_level,
    missing_deadline,
    missing_lead,
    no_deadlines,
    numbering,
    stray_markup,
    unbalanced_brackets,
    unbalanced_quotes,
    unit_alias,
    unknown_unit,
    vague_deadline,
    vague_unit,
)

REGISTRY = [
    # core (SPEC §2)
    missing_lead,            # U001
    duplicate_unit,          # U002
    vague_unit,              # U003
    missing_deadline,        # T001
    vague_deadline,          # T002
    # structure
    numbering,               # S001
    heading_level,           # S002
    empty_task,              # S003
    # units
    unknown_unit,            # U004
    unit_alias,              # U005
    # timing
    deadline_period,         # T003
    deadline_passed,         # T004
    no_deadlines,            # T005
    # punctuation
    halfwidth_punctuation,   # P001
    unbalanced_brackets,     # P002
    unbalanced_quotes,       # P003
    # noise
    stray_markup,            # N001
    boilerplate,             # N002
]
