"""Placeholder until the rotation model lands (being written now)."""
