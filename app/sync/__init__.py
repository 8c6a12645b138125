"""Sync by file exchange (signed, encrypted packages). No Qt. Built in the sync issue."""
