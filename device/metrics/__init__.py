"""Anonymised per-window counts, durable outbox and MQTT publishing."""
