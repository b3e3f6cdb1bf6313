"""Command-line commands; each module registers its parsers with ``register(subparsers)``."""
