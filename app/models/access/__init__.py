"""Access: roles and rights as data, accounts and sign-in, the audit trail."""
