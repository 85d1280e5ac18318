"""Pure coaching rules: runtime events in, coaching events out. No Qt, no I/O."""
