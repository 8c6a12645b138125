"""The desktop interface (PySide6). No SQL and no business rules here."""
