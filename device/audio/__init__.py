"""Audio sources (live sounddevice, file replay), framing, resampling and levels. All output is 16 kHz mono float32."""

SAMPLE_RATE_HZ = 16_000
