"""The main window's pages: one widget per side-bar entry."""
