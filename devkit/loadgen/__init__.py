"""Fleet load generator for ``lugn simulate``: many seats, each a real MQTT v5 + TLS session with its own
account, through the broker into the aggregator."""
