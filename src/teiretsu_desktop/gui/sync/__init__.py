"""同期: one record across the center's devices (issue 18)."""
