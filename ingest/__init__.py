"""Ingestion: clean, parse, segment and embed documents; the only writer of the index."""
