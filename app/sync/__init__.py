"""Sync by file exchange: packages (signed, encrypted), identity and peers, checking and importing
packages, clashes. Transport and cryptography only; the SQL is in app.models.storage. No Qt."""
