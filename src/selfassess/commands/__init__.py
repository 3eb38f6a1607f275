"""Subcommands of ``selfassess``: one module each, each with ``register(subparsers)``."""
