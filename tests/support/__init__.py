"""Helpers shared by tests (importable as ``tests.support``)."""
