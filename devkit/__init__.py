"""Development and test support, kept apart from the product: the trial broker, the load generator, demo
builders. Nothing in ``device/`` or ``fleet/`` imports it; ``lugn broker``, ``lugn simulate``, ``lugn demo``
and the tests do."""
