"""Data protection without Qt: key derivation and wrapping, SQLCipher databases."""
