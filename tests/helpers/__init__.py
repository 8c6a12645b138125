"""Builders shared by tests: databases, organisations, people, selections (no test functions)."""
