"""Lugn edge runtime: audio in, customer tone and coaching events out. Never imports Qt."""

__version__ = "0.1.0"
__all__ = ["__version__"]
