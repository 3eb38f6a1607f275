"""ipywidgets front ends: thin shells that gather input, call the core, and show the result."""

from .mulai import welcome

__all__ = ["welcome"]
