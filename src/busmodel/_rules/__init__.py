"""The built-in rules; importing this package registers them in the catalogue."""

from busmodel._rules import integrity

__all__ = ["integrity"]
