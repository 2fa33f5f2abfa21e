"""eventcoder: rule-based political event coding (CAMEO) with YAML dictionaries."""

from .coder import Coder, DocumentResult
from .coding import SentenceResult
from .errors import DictionaryError, EventCoderError, InputError, Problem, SourceLocation
from .events import FIELDS, Event
from .options import CoderOptions

__version__ = "0.1.0"

__all__ = [
    "Coder",
    "CoderOptions",
    "DictionaryError",
    "DocumentResult",
    "Event",
    "EventCoderError",
    "FIELDS",
    "InputError",
    "Problem",
    "SentenceResult",
    "SourceLocation",
    "__version__",
]
