"""Hash-checked model loading, VAD, tone model runner and smoothing."""
