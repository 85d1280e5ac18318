"""Supervisor dashboard: k-anonymous team summaries from the broker (``lugn dashboard``)."""
