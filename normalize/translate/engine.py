"""One translation model, run directly: SentencePiece pieces in, CTranslate2 batched beam search,
pieces out. No argostranslate translation code at run time (``argostranslate.translate`` costs
seconds and hundreds of MB to import; this loads in a fraction of a second; only argostranslate's
light settings and package modules are read, to find its models: :mod:`.argos`), and many sentences per call instead of one.

Decoding matches argostranslate's by default (beam 4, length penalty 0.2, unknowns replaced), so
the same package gives the same translations, only faster; ``beam_size=1`` (greedy) is faster
still and differs on a few sentences.

>>> split_sentences("Он пришёл. Она ушла! Что дальше?")
['Он пришёл.', 'Она ушла!', 'Что дальше?']
>>> split_sentences("т. е. в 10 ч. утра")  # no capital after the dot: not a boundary
['т. е. в 10 ч. утра']
>>> is_translatable("2024-05-01 12:00"), is_translatable("https://ria.ru/a_b"), is_translatable("Сирия")
(False, False, True)
"""

from __future__ import annotations

import json
from functools import lru_cache

from ..unicode.words import SENTENCE_END, URL
from .models import InstalledModel

#: argostranslate's default beam and length penalty: the same package gives its translations
#: (not tuned here; argostranslate's choice).
BEAM_SIZE = 4
LENGTH_PENALTY = 0.2
#: Sentences a CTranslate2 batch holds; larger batches gain little on CPU.
MAX_BATCH_SIZE = 64
#: Longest input, in pieces, fed to the model at once (Argos models allow a few hundred
#: positions); longer sentences are cut at word starts and translated piece by piece.
MAX_INPUT_PIECES = 200
_WORD_START = "\u2581"



def is_translatable(text: str) -> bool:
    """Whether there are words to translate. Numbers, symbols, URLs and e-mail addresses are kept
    as they are: the model would only mangle them (e.g. ``_`` comes back as a space)."""
    return any(c.isalpha() for c in URL.sub("", text))


def split_sentences(text: str) -> list[str]:
    """Sentences of a segment: a boundary is ``.``, ``!``, ``?`` or ``…`` followed by space and a
    capital, digit or opening quote (CJK full stops need no space)."""
    sentences, start = [], 0
    for match in SENTENCE_END.finditer(text):
        following = text[match.end():match.end() + 1]
        if match.group().strip()[-1] in "。！？" or following.isupper() or following.isdigit() or following in "«\"“(['":
            sentences.append(text[start:match.end()].strip())
            start = match.end()
    sentences.append(text[start:].strip())
    return [s for s in sentences if s]


def cut_pieces(pieces: list[str], limit: int = MAX_INPUT_PIECES) -> list[list[str]]:
    """Cut a too-long piece sequence into chunks of at most ``limit``, at word starts if possible.

    >>> cut_pieces(["▁a", "b", "▁c", "d", "▁e"], limit=3)
    [['▁a', 'b'], ['▁c', 'd', '▁e']]
    """
    chunks = []
    while len(pieces) > limit:
        cut = max((i for i in range(1, limit + 1) if pieces[i].startswith(_WORD_START)), default=limit)
        chunks.append(pieces[:cut])
        pieces = pieces[cut:]
    chunks.append(pieces)
    return chunks


def resolve_device(device: str) -> str:
    """``auto`` becomes ``cuda`` when CTranslate2 sees a GPU, else ``cpu``."""
    import ctranslate2

    if device == "auto":
        return "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
    return device


class Engine:
    """A loaded model. :meth:`translate` takes sentences (not paragraphs) in bulk."""

    def __init__(self, model: InstalledModel, *, device: str = "cpu", threads: int = 0) -> None:
        import ctranslate2
        import sentencepiece

        self.model = model
        self.device = resolve_device(device)
        self._tokenizer = sentencepiece.SentencePieceProcessor(model_file=str(model.path / "sentencepiece.model"))
        self._translator = ctranslate2.Translator(str(model.path / "model"), device=self.device, intra_threads=threads)
        metadata = json.loads((model.path / "metadata.json").read_text(encoding="utf-8"))
        self._prefix = metadata.get("target_prefix", "")

    def translate(self, sentences: list[str], *, beam_size: int = BEAM_SIZE) -> list[str]:
        """Translate many sentences in one batched call; output order is input order."""
        chunks, owners = [], []
        for index, sentence in enumerate(sentences):
            for chunk in cut_pieces(self._tokenizer.encode(sentence, out_type=str), MAX_INPUT_PIECES):
                chunks.append(chunk)
                owners.append(index)
        parts: list[list[str]] = [[] for _ in sentences]
        work = [i for i, chunk in enumerate(chunks) if chunk]
        if work:
            results = self._translator.translate_batch(
                [chunks[i] for i in work],
                target_prefix=[[self._prefix] for _ in work] if self._prefix else None,
                beam_size=beam_size, length_penalty=LENGTH_PENALTY, replace_unknowns=True,
                max_batch_size=MAX_BATCH_SIZE,
            )
            for i, result in zip(work, results):
                parts[owners[i]].append(self._decode(result.hypotheses[0]))
        return [" ".join(p for p in part if p) for part in parts]

    def _decode(self, pieces: list[str]) -> str:
        text = self._tokenizer.decode(pieces)
        if self._prefix and text.startswith(self._prefix):
            text = text[len(self._prefix):]
        return text.strip()


@lru_cache(maxsize=16)
def _load(model: InstalledModel, identity: str, device: str, threads: int) -> Engine:
    return Engine(model, device=device, threads=threads)


def get_engine(model: InstalledModel, *, device: str = "cpu", threads: int = 0) -> Engine:
    """The engine for a model, loaded once per process (and again when its weights change:
    ``identity`` is part of the key)."""
    return _load(model, model.identity, device, threads)
