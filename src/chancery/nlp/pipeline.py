"""Build the pipeline: the model's components, then ours in a fixed, documented order."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from chancery.errors import ChanceryError, ErrorCode, ExitCode
from chancery.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

# Order matters: each component reads what the ones before it wrote.
COMPONENTS: tuple[str, ...] = (
    "chancery_actors",  # doc.spans["actors"]
    "chancery_dates",  # doc.spans["dates"]
    "chancery_events",  # doc._.events
    "chancery_quotes",  # doc._.quotes, doc._.people
    "chancery_attribution",  # event/quote speaker, channel, chain; doc._.source_profile
    "chancery_loaded",  # doc._.loaded
)
# Runs before the model's parser so that its sentence starts are kept.
BEFORE_PARSER: tuple[str, ...] = ("chancery_paragraphs",)
# Modules whose import registers the factories above (spaCy's registry is by import).
COMPONENT_MODULES: tuple[str, ...] = (
    "chancery.nlp.components.paragraphs",
    "chancery.nlp.components.actors",
    "chancery.nlp.components.dates",
    "chancery.nlp.components.events",
    "chancery.nlp.components.quotes",
    "chancery.nlp.components.attribution",
    "chancery.nlp.components.loaded",
)


def register_components() -> list[str]:
    """Import the component modules that exist; return the factory names now available."""
    from spacy.language import Language

    from chancery.nlp.extensions import register_extensions

    register_extensions()
    for module in COMPONENT_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
    return [name for name in COMPONENTS if Language.has_factory(name)]


def build_pipeline(settings: Settings | None = None) -> Language:
    """Load the model named in settings and add every Chancery component after it."""
    import spacy

    settings = settings or Settings()
    available = register_components()
    try:
        nlp = spacy.load(settings.model, exclude=[])
    except OSError as exc:
        raise ChanceryError(ErrorCode.MODEL, f"cannot load spaCy model {settings.model!r}: {exc}",
                            ExitCode.CONFIG) from None
    config = {"lexicon_dir": settings.lexicon_dir}
    for name in BEFORE_PARSER:
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(name, before="parser", config=config)
        else:
            nlp.add_pipe(name, first=True, config=config)
    for name in available:
        nlp.add_pipe(name, config=config)
    return nlp


def blank_pipeline(components: tuple[str, ...] = COMPONENTS, lexicon_dir: str | None = None) -> Language:
    """An English pipeline without the statistical model, for rule tests on hand-built Docs."""
    import spacy

    register_components()
    nlp = spacy.blank("en")
    for name in BEFORE_PARSER:
        nlp.add_pipe(name, config={"lexicon_dir": lexicon_dir})
    for name in components:
        nlp.add_pipe(name, config={"lexicon_dir": lexicon_dir})
    return nlp
