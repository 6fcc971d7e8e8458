"""Language identification: per text (:func:`detect_language`) and per span (:func:`detect_spans`)."""

from .detector import Guess, detect_language, identify
from .spans import detect_spans

__all__ = ["Guess", "detect_language", "detect_spans", "identify"]
