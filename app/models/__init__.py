"""The domain: records, rules, workflows and storage. All SQL lives here; no Qt."""
