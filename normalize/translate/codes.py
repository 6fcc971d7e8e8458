"""Which language codes ``--translate-to`` accepts: ISO 639-1 (checked against the IANA registry
langcodes carries) and whatever codes the installed models use (Argos has a few of its own,
such as ``zt``, ``pb``).

>>> is_language_code("de"), is_language_code("english"), is_language_code("xx"), is_language_code("zt", {"zt"})
(True, False, False, True)
>>> suggest("English"), suggest("xx")
('en', None)
"""

from __future__ import annotations

from collections.abc import Collection


def is_language_code(code: str, installed: Collection[str] = ()) -> bool:
    """A two-letter ISO 639-1 code, or a code an installed model uses."""
    import langcodes

    if code in installed:
        return True
    return len(code) == 2 and code.isascii() and code.isalpha() and code.islower() and langcodes.tag_is_valid(code)


def suggest(name: str) -> str | None:
    """The ISO 639-1 code of a language written out by name (lingua's list of languages)."""
    from lingua import Language

    try:
        language = Language.from_str(name.strip())
    except ValueError:
        return None
    return language.iso_code_639_1.name.lower()


def usage_error(code: str, installed: Collection[str] = ()) -> str | None:
    """What is wrong with ``code`` as a target language, None when it is fine.

    >>> usage_error("english")
    "--translate-to 'english' is not a language code: give an ISO 639-1 code, e.g. --translate-to en"
    >>> print(usage_error("xx"))
    --translate-to 'xx' is not a language code: give an ISO 639-1 code (two letters, e.g. en, de, ru)
    """
    if is_language_code(code, installed):
        return None
    guess = suggest(code)
    if guess and is_language_code(guess, installed):
        return f"--translate-to {code!r} is not a language code: give an ISO 639-1 code, e.g. --translate-to {guess}"
    return f"--translate-to {code!r} is not a language code: give an ISO 639-1 code (two letters, e.g. en, de, ru)"
