"""Training recipe for the shipped English pipeline (needs the ``dev`` extra: floret)."""
