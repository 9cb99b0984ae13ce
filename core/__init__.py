"""Coéduc's cross-cutting base: sanitising, telling people things, personal data, vocabularies.

Every app may import from here; nothing here imports an app above it.
"""
