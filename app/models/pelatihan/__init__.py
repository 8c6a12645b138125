"""Training catalogue, events and participants (issue 15 item 4; asn-rules 8). Tables of
migration 20."""
