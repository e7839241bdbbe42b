"""Evaluation runner over question sets."""
