"""Storage: the database and its migrations, the one write path, the change log, merge
bookkeeping, the derived summary, backups, and the local tables of sync."""
