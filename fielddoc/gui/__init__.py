"""The PySide6 desktop application: a thin face over the core (the only package that imports Qt)."""
