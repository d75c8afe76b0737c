"""planlint: a linter for draft Chinese government work plans."""

__version__ = "0.1.0"
