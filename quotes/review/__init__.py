"""Reviewing and pinning the output: golden fixtures, the HTML review page, the pytest plugin."""
