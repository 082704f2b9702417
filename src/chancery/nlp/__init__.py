"""The NLP layer: one spaCy Language with Chancery's registered components after the model's own."""
