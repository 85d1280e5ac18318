"""Development kit: what stands in for a seat's hardware and servers (tests, benchmarks, trials).

Nothing here runs on an agent's seat; ``device/`` never imports it.
"""
