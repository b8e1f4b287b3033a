"""Coverage-guided fuzzing of fielddoc's parsers with atheris (``make fuzz``; optional)."""
