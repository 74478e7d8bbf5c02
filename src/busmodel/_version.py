"""The one version source: hatch reads it when building, the package exports it."""

__version__ = "0.1.0.dev0"
