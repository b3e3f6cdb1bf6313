"""Qt only: the window, one package per tab over shared widgets (see the README's tree)."""
