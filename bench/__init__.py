"""Benchmarks: fielddoc next to the standard tool doing the same job, in one run (make bench)."""
