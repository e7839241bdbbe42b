"""What ingest (the only writer of the index) and kb (its reader) both need: the clause model, errors, the index layout, settings, segmentation, embedding, numerals and unit naming."""
