"""One QWidget per screen. Screens ask the main window to navigate by signal."""
