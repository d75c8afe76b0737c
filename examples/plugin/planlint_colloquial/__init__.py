"""An example planlint plugin package (see README.md)."""
