"""Fuzzing of every parser of outside input (hypothesis; atheris harnesses live in fuzz/)."""
