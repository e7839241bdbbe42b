"""Knowledge base: the clause model, retrieval over the index, and answering."""
