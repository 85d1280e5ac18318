"""Audio sources (live sounddevice, file replay), framing, resampling, levels.

All output is 16 kHz mono float32.
"""

SAMPLE_RATE_HZ = 16_000
