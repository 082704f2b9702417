"""Chancery: read diplomatic news as data.

Importing this package touches no disk, network or model; the spaCy pipeline is built
only when :func:`chancery.nlp.pipeline.build_pipeline` is called.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
