"""QObject adapters over core services: Qt signals out, slots in."""
