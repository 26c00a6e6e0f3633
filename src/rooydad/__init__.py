"""rooydad: Persian news to coded political event data (CAMEO, PLOVER), natively in Persian."""

from .errors import RooydadError
from .model import CodedDocument, Document, Event
from .pipeline import code_document, load_dictionaries

__all__ = ["code_document", "load_dictionaries", "Document", "CodedDocument", "Event", "RooydadError"]
__version__ = "0.1.0"
