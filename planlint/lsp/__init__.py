"""planlint subpackage."""
