"""Make a fresh mojibake set, in the format of ``mojibake_dev.jsonl``, from sentences it does not use.

The dev set is for choosing thresholds; this one checks them on sentences they were not chosen on
(the kinds are damaged the same way: UTF-8 misread in a single-byte encoding, twice, or in one word;
legacy code pages read in the wrong one; undeclared legacy bytes; clean text)::

    python scripts/make_mojibake.py -o /tmp/mojibake_fresh.jsonl
    python scripts/bench_repair.py --data /tmp/mojibake_fresh.jsonl
"""

from __future__ import annotations

import argparse
import base64
import codecs
import json
import random
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"

# Undefined bytes of cp1252 and friends decode to the C1 control of the same number, as browsers
# and ftfy's "sloppy" codecs do: that is what real mojibake holds.
codecs.register_error("sloppy", lambda error: (chr(error.object[error.start]), error.start + 1))

LATIN = "af ca cs cy da de es et eu fi fr ga hr hu is it lt lv nl nb nn pl pt ro sk sl sq sv tr vi yo".split()
CYRILLIC = "be bg kk mk ru sr uk".split()
# kind -> (languages, how the text is damaged)
LEGACY = {
    "cp1250-as-cp1252": ("bs cs hr hu pl ro sk sl".split(), "cp1250", "cp1252"),
    "cp1251-as-cp1252": ("be bg mk ru sr uk".split(), "cp1251", "cp1252"),
    "cp1253-as-cp1252": (["el"], "cp1253", "cp1252"),
    "cp1254-as-cp1252": (["tr", "az"], "cp1254", "cp1252"),
    "cp1256-as-cp1252": (["ar", "fa", "ur"], "cp1256", "cp1252"),
    "cp1257-as-cp1252": (["et", "lt", "lv"], "cp1257", "cp1252"),
    "koi8r-as-cp1251": (["ru"], "koi8_r", "cp1251"),
    "koi8u-as-cp1252": (["uk"], "koi8_u", "cp1252"),
}
UTF8 = {
    "utf8-as-cp1252": (LATIN, "cp1252"),
    "utf8-as-latin1": (LATIN, "latin-1"),
    "utf8-as-macroman": (LATIN, "mac_roman"),
    "utf8-as-cp1251": (CYRILLIC, "cp1251"),
    "utf8-as-koi8r": (["ru", "uk", "bg"], "koi8_r"),
}
BYTES = {
    "bytes:cp1250": "bs cs hr hu pl ro sk sl".split(), "bytes:cp1251": "bg mk ru uk".split(),
    "bytes:cp1252": "ca da de es fr it nl pt sv".split(), "bytes:koi8_r": ["ru"],
    "bytes:utf-8": LATIN + CYRILLIC, "bytes:cp1253": ["el"],
}


def misread(text: str, written: str, read: str) -> str:
    return text.encode(written).decode(read, errors="sloppy")


def one_word_damaged(text: str, read: str) -> str | None:
    """One non-ASCII word of ``text`` as UTF-8 misread in ``read``; the rest left clean."""
    words = text.split(" ")
    damaged = [i for i, word in enumerate(words) if not word.isascii()]
    if not damaged:
        return None
    i = damaged[len(damaged) // 2]
    words[i] = misread(words[i], "utf-8", read)
    return " ".join(words)


def sentences(data: Path, lang: str, used: set[str]) -> list[str]:
    path = data / "langid" / "sentences" / f"{lang}.txt"
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line not in used] if path.exists() else []


def make(data: Path, dev: Path, per_kind: int, seed: int):
    used = {json.loads(line)["expected"] for line in dev.open(encoding="utf-8")}
    rng = random.Random(seed)
    pool = {}

    def draw(langs: list[str], accept, clean: bool = False) -> list[tuple[str, str, object]]:
        found = []
        for _ in range(per_kind * 50):
            if len(found) == per_kind:
                break
            lang = rng.choice(langs)
            lines = pool.setdefault(lang, sentences(data, lang, used))
            if lines:
                text = rng.choice(lines)
                damaged = accept(text)
                if damaged is not None and (clean or damaged != text):
                    found.append((lang, text, damaged))
        return found

    def attempt(function):
        def run(text):
            try:
                return function(text)
            except UnicodeError:
                return None
        return run

    everyone = sorted(p.stem for p in (data / "langid" / "sentences").glob("*.txt"))
    yield "clean", draw(everyone, lambda t: t, clean=True)
    for kind, (langs, read) in UTF8.items():
        yield kind, draw(langs, attempt(lambda t, r=read: misread(t, "utf-8", r)))
    yield "double-utf8-cp1252", draw(LATIN, attempt(
        lambda t: misread(misread(t, "utf-8", "cp1252"), "utf-8", "cp1252")))
    yield "partial-utf8-cp1252", draw(LATIN, attempt(lambda t: one_word_damaged(t, "cp1252")))
    for kind, (langs, written, read) in LEGACY.items():
        yield kind, draw(langs, attempt(lambda t, w=written, r=read: misread(t, w, r)))
    for kind, langs in BYTES.items():
        encoding = kind.split(":")[1]
        yield kind, draw(langs, attempt(lambda t, e=encoding: t.encode(e) if not t.isascii() else None))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED)
    parser.add_argument("--dev", type=Path, default=None, help="the set whose sentences are left out")
    parser.add_argument("--per-kind", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    dev = args.dev or args.data / "mojibake" / "mojibake_dev.jsonl"
    with args.output.open("w", encoding="utf-8") as out:
        for kind, items in make(args.data, dev, args.per_kind, args.seed):
            for n, (lang, text, damaged) in enumerate(items):
                record = {"id": f"{kind}-{n}", "lang": lang, "kind": kind, "expected": text}
                if isinstance(damaged, bytes):
                    record["input_b64"] = base64.b64encode(damaged).decode("ascii")
                else:
                    record["input"] = damaged
                out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
