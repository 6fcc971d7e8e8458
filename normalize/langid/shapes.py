"""Text that is in no language, told by its shape: code, markup, identifiers, numbers.

Such text gets ``zxx`` (ISO 639-2, "no linguistic content"), never a language and never a
translation. Three shapes are recognised, without any model:

* a line of code, markup or a shell command (:func:`is_code_line`): syntax (assignments,
  operators, calls, a closing ``;`` or brace, tags, a shell prompt, a known command with flags or
  paths) in a line that does not read as prose;
* a block of code (:func:`is_code_block`): an HTML ``<pre>`` whose lines are enough of them code
  or configuration (``key: value``) lines;
* tokens inside prose that are not words of a language (:func:`mask`): URLs, e-mail addresses,
  handles, DOIs, ISBNs, file paths and names (``.env`` too), dotted and snake_case identifiers,
  calls, letters mixed with digits (product codes, hashes), inline code in backticks. (A word
  with capitals inside, ``iPhone`` or ``JavaScript``, is a name: it stays, names have their own
  rule.) They are
  blanked before the language is weighed; a piece that is nothing else has no language.

A bibliography entry (:func:`is_citation`) is read as one piece: its periods end initials and
abbreviations, not sentences.

>>> is_code_line("let mut total = 0;"), is_code_line("Use let to declare a variable; it is immutable.")
(True, False)
>>> mask("Run os.path.join(root) on doi: 10.5555/jpr.2014.0087.x today").split()
['Run', 'on', 'today']
>>> is_citation("Okafor CN, Lindqvist B, van Houten R. Sleep and mood. J Sleep Stud. 2014;12(3):45-51.")
True
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Answers of :func:`mask` and :func:`is_code_line` remembered per process: menus, footers and
#: listings repeat across a site's pages, and the stage asks about a block's lines twice (its
#: main language, its spans); a few MB at most.
_REMEMBERED = 32_768

# --- tokens that are not words ----------------------------------------------------------------------

_FILE_EXTENSIONS = (
    "tar|gz|tgz|bz2|xz|zip|7z|rar|deb|rpm|dmg|exe|msi|apk|jar|war|iso|img|bin|so|dll|"
    "py|pyc|ipynb|rs|js|mjs|cjs|ts|tsx|jsx|java|kt|go|rb|php|pl|sh|bash|zsh|ps1|bat|c|h|cc|cpp|hpp|cs|"
    "swift|scala|lua|r|sql|html?|xhtml|css|scss|sass|less|json|jsonl|ya?ml|toml|ini|cfg|conf|env|lock|"
    "xml|csv|tsv|md|rst|txt|log|pdf|docx?|xlsx?|pptx?|odt|png|jpe?g|gif|svg|webp|ico|mp3|mp4|wav|mov|"
    "avi|mkv|woff2?|ttf|otf|wasm|db|sqlite|parquet|pkl|pt|onnx|npy|vue|svelte|lockb|tf|dockerfile"
)
_NOT_WORDS = re.compile(
    "|".join((
        r"\S+://\S+|www\.\S+",                                    # URLs
        r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",                          # e-mail addresses
        r"(?<![\w@])@\w[\w.]*",                                   # handles: @someone
        r"\bdoi:\s*\S+|\b10\.\d{4,9}/\S+",                        # DOIs
        r"\b(?:ISBN|ISSN|PMID|PMCID|arXiv)(?:-1[03])?:?\s*[\dX][\dX.:\-–]*",  # other identifiers
        r"`[^`\n]+`",                                             # inline code
        r"(?<![\w/])(?:~|\.{1,2})?/[\w.-]+(?:/[\w.-]*)*",         # paths: /usr/bin, ~/.bashrc, ./x
        r"\b[A-Za-z]:\\\S*",                                      # C:\Windows\...
        r"\b[\w.-]+(?:/[\w.-]+){2,}",                              # src/main/java
        r"\b[\w-]*[\d.][\w.-]*/[\w.-]+|\b[\w.-]+/[\w-]*[\d.][\w.-]*",  # src/lib.rs, v2/api (not and/or)
        rf"\b[\w-]+(?:\.[\w-]+)*\.(?:{_FILE_EXTENSIONS})\b(?![\w-])",  # file names
        r"\b[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]+)+(?:\([^()\s]*\)?)?",  # a.b.c, os.path.join(
        r"\b\w+\([^()\s]*\)",                                     # calls: foo(), f(x)
        r"\b\w*[A-Za-z0-9]_\w+|(?<!\w)_\w+",                      # snake_case, _private
        r"(?<![\w.])\.[A-Za-z][\w-]*(?:\.[\w-]+)*",             # dotfiles: .env, .gitignore
        r"\b[\w-]*(?:[A-Za-z]\d|\d[A-Za-z])[\w-]*",               # letters and digits: X15s, a3f9c21, py-lib2
        r"(?<!\S)--[A-Za-z][\w-]*",                               # --flags
    ))
)
_DOTTED_PART_MIN = 2  # a.b.c: each part 2 characters at least, so that e.g. and U.S. stay words


@lru_cache(maxsize=_REMEMBERED)
def mask(text: str) -> str:
    """``text`` with every token that is not a word of a language (see the module docstring)
    blanked out by spaces: the same length, so offsets hold.

    >>> mask("see https://example.org or mail me@example.org").split()
    ['see', 'or', 'mail']
    >>> mask("e.g. the U.S. and LaserJet X15s, wordpress-6.4.2.tar.gz in .env").split()
    ['e.g.', 'the', 'U.S.', 'and', 'LaserJet', ',', 'in']
    """
    if not _could_hold_identifier(text):
        return text
    return _NOT_WORDS.sub(_blank, text)


def _could_hold_identifier(text: str) -> bool:
    """A quick look: every pattern of :data:`_NOT_WORDS` needs one of these (a slash, an at
    sign, a backtick, an underscore, a backslash, a dot before a letter or digit, a letter
    against a digit, a bracket after a word, two hyphens, an identifier's name)."""
    return _TRIGGER.search(text) is not None


_TRIGGER = re.compile(r"[/@`_\\]|\.[\w$]|[A-Za-z]\d|\d[A-Za-z]|\w\(|--|doi|ISBN|ISSN|PMC?ID|arXiv")


def _blank(match: re.Match) -> str:
    token = match.group()
    if "." in token and not any(c in token for c in "/@:`_(\\"):
        parts = token.rstrip(".").split(".")
        if any(len(part) < _DOTTED_PART_MIN for part in parts) and not _FILE_NAME.search(token):
            return token  # e.g, U.S, i.e: abbreviations, not identifiers
    return " " * len(token)


_FILE_NAME = re.compile(rf"\.(?:{_FILE_EXTENSIONS})$")

# --- lines of code ------------------------------------------------------------------------------------

#: Words that start a statement or a declaration in common programming languages.
_KEYWORDS = frozenset(
    "let const var fn def func function import from package use using return class struct enum "
    "impl interface trait pub public private protected static final void int long float double "
    "char bool boolean string str auto async await yield lambda elif else if for foreach while "
    "switch case break continue try except catch finally throw throws raise new delete typedef "
    "namespace template module require include define export echo print printf println puts "
    "select insert update create drop alter where val mut self this extern unsafe match loop "
    "local end then do done fi esac begin declare set unset alias".split())
#: Commands a shell line starts with (with ``sudo`` before them, or a prompt).
_COMMANDS = frozenset(
    "sudo apt apt-get yum dnf brew pacman apk snap pip pip3 pipx npm npx yarn pnpm bun deno git "
    "cd ls mkdir rmdir rm cp mv chmod chown chgrp ln curl wget tar unzip gzip gunzip zip docker "
    "podman kubectl helm make cmake cargo rustc rustup go python python3 py node java javac mvn "
    "gradle export source ssh scp rsync systemctl service cat grep egrep sed awk find touch nano vim "
    "vi conda virtualenv composer php ruby gem bundle rails dotnet terraform ansible ping dig "
    "nslookup ifconfig ip netstat ps kill top htop df du mount umount crontab journalctl openssl "
    "gcc clang g++ javac perl uv poetry pytest tox flask django-admin ng vue gh az aws gcloud "
    "firebase heroku ollama hugo jekyll nginx apachectl mysql psql sqlite3 redis-cli mongo "
    "echo printf set setx powershell wsl choco winget".split())
_PROMPT = re.compile(r"^(?:\$|%|>>>|\.\.\.|PS [^>\n]{0,80}>|[A-Za-z]:\\[^>\n]{0,80}>|"
                     r"[\w.-]+@[\w.-]+:[^$#\n]{0,80}[$#]|\[[^\]\n]{1,80}\][$#]|In \[\d*\]:)\s")
_ROOT_PROMPT = re.compile(r"^# (?:\.{0,2}/|\S)")  # "# apt update", "# ./run": root's prompt, not a heading
#: An import of modules alone on its line: ``import sys``, ``from os import path``, ``#include <stdio.h>``.
_IMPORT = re.compile(r"^(?:import\s+[\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+)*|from\s+[\w.]+\s+import\s+[\w., ()*]+"
                     r"|#include\s*[<\"][\w./]+[>\"]|using\s+[\w.]+;)\s*;?$")
_OPERATORS = re.compile(r"==|!=|<=|>=|=>|->|::|&&|\|\||\+=|-=|\*=|/=|\+\+|:=|<<|>>|\?\?")
_ASSIGNMENT = re.compile(r"^[\w$@.\[\]'\"*&:<>]+(?:\s+[\w$@.\[\]'\"*&:<>]+){0,2}\s*[-+*/%|&^.]?=(?![=>])\s*\S")
_CALL = re.compile(r"[\w.\]]\((?:[^()]*[\"'=,:.][^()]*|\s*)\)|\w!\s*[(\[{]|[\w)]\.\w+\(")
_END = re.compile(r"(?:[;{}]|\)\s*:|\}\s*\)*;?|=\s*\(?)\s*$")
_CLOSING = re.compile(r"^[\])}]+[\])};,]*$")
_MARKUP = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>|<!--|-->|<\?\w+")
_COMMENT = re.compile(r"^(?://|/\*|\*/|\* @|<!--|#!|--\s|;;)")
_INLINE_COMMENT = re.compile(r"[;)}\]]\s*(?://|#)\s")  # f(x);  // a note
_JSON = re.compile(r"^[\[{]\s*[\"'\[{]|^[\"'][\w.-]+[\"']\s*:")
_KEY_VALUE = re.compile(r"^-?\s*[\w.\"'-]+:(?:\s+\S.*|\s*[|>]?)$")  # YAML, TOML-ish, HTTP headers
_TECHNICAL = re.compile(r"(?<!\S)-{1,2}[A-Za-z][\w-]*|[/\\|>&=*~$]|\.\w{1,5}\b|://")
#: What code has inside its tokens and prose has not (prose's brackets and quotes stand at the
#: edges of its words).
_CODE_CHARS = frozenset("(){}[]<>=;_|\\$@#&*^~/`+%")
_CODE_TOKEN = re.compile(r"[^\s(){}\[\]<>=;_|\\$@*`]*[(){}\[\]<>=;_|\\$@*`]\S*")  # not C++, C#, R&D, 24/7
_OPENERS = "(\"'“‘«¿¡[„"
_CLOSERS = ")\"'”’»,.;:!?…]"
#: A line is code when its share of natural words is under this with one mark of code syntax,
#: under :data:`CODE_WORDS_TWO_MARKS` with two, :data:`CODE_WORDS_THREE_MARKS` with three (set by hand on the examples of the tests and
#: issue 25, checked on the WCXB pages: see scripts/bench_spans.py --set wcxb).
CODE_WORDS_ONE_MARK = 0.5
CODE_WORDS_TWO_MARKS = 0.75
CODE_WORDS_THREE_MARKS = 0.85  # import React, { useState } from 'react'; reads 3 words in 4
#: Brackets are a mark of code when a line has this many, and they are this share of its
#: characters (``zip(a, [b, c]) → (1, [2, 3])``; prose has a pair or two; set by hand).
BRACKETS = 6
BRACKET_SHARE = 0.1
#: A ``<pre>`` is code when this share of its lines are code lines, or :data:`KEY_VALUE_SHARE` of
#: them ``key: value`` lines (set by hand: the rest are comments, blank-ish lines and plain words
#: of a listing; checked on the WCXB pages' ``zxx`` sample, scripts/bench_spans.py).
CODE_LINES_SHARE = 0.25
KEY_VALUE_SHARE = 0.5


def code_marks(line: str) -> int:
    """How many kinds of code syntax ``line`` (stripped) shows: an assignment, an operator, a
    code ending (``;``, a brace, ``):``), markup, a comment opener, JSON, many brackets, a
    call or a token of code (``f(x)``, ``x[0]``, ``[]*T``), and a keyword starting a
    statement with any of these.

    >>> code_marks("let primes = vec![2, 3, 5];"), code_marks("The end."), code_marks("var rows []*sql.Row")
    (4, 0, 2)
    """
    marks = 0
    if _ASSIGNMENT.search(line):
        marks += 1
    if _OPERATORS.search(line):
        marks += 1
    if _END.search(line):
        marks += 1
    if _MARKUP.search(line):
        marks += 1
    if _COMMENT.search(line) or _JSON.search(line) or _INLINE_COMMENT.search(line):
        marks += 1
    brackets = sum(map(line.count, "()[]{}"))
    if brackets >= BRACKETS and brackets >= BRACKET_SHARE * len(line.replace(" ", "")):
        marks += 1
    tokens = line.split()
    if _CALL.search(line) or any(not _natural(t) and _CODE_TOKEN.search(t.strip(_OPENERS + _CLOSERS))
                                 for t in _CODE_TOKEN.findall(line)):
        marks += 1  # a call or a token of code: f(x), x[0], []*T, a->b
    if marks and tokens[0].rstrip(":({") in _KEYWORDS:
        marks += 1
    return marks



def natural_share(line: str) -> float:
    """The share of ``line``'s whitespace tokens that are natural words (letters, the
    punctuation of prose around them), numbers, prices, dates and dashes left out.

    >>> natural_share("let mut total = 0;"), natural_share("It is, in fact, done.")
    (0.6, 1.0)
    """
    tokens = [t for t in line.split() if not _NEUTRAL.match(t)]
    if not tokens:
        return 0.0
    return sum(map(_natural, tokens)) / len(tokens)


#: Numbers, prices, dates, times and lone dashes: in prose and code alike, evidence of neither.
_NEUTRAL = re.compile(r"^(?:[-–—~|•·]+|[(\[]?[-+–—~≈±]?[$€£¥₹]?\d[\d.,:/%'’–—-]*[$€£¥₹%]?[)\],.]?)$")


def _natural(token: str) -> bool:
    """A word of prose: letters (digits, a hyphen, an apostrophe, the punctuation of scripts
    other than Latin inside), prose's brackets, quotes and stops at its edges.

    >>> [_natural(t) for t in ("(well,", "l’homme", "因此，成都", "x[0]", "a.b", "f(x)")]
    [True, True, True, False, False, False]
    """
    core = token.lstrip(_OPENERS).rstrip(_CLOSERS)
    return (any(map(str.isalpha, core)) and not any(c in _CODE_CHARS for c in core)
            and "." not in core and ":" not in core)


@lru_cache(maxsize=_REMEMBERED)
def is_code_line(line: str) -> bool:
    """Whether a line (of a block, or a dump) is code, markup or a shell command rather than
    text in a language (see the module docstring).

    >>> [is_code_line(s) for s in ("fn main() {", "});", "$ ls -la", "tar xvzf x-1.2.tar.gz")]
    [True, True, True, True]
    >>> [is_code_line(s) for s in ("Apples;", "C++ is fast", "(a) the party shall pay the fee;")]
    [False, False, False]
    """
    line = line.strip()
    if not line or _CLOSING.match(line):
        return bool(line)
    if not any(map(str.isalpha, line)):
        return False  # $1,299, 45 %: no language either, but no code (zxx for want of letters)
    if _PROMPT.match(line) or _ROOT_PROMPT.match(line) and is_shell_command(line[2:]) or _IMPORT.match(line):
        return True
    if is_shell_command(line):
        return True
    if _MARKUP.match(line) and _MARKUP.sub("", line).strip() == "" or _markup_wrapped(line):
        return True
    marks = code_marks(line)
    if not marks:
        return False
    share = natural_share(line)
    return (share < CODE_WORDS_ONE_MARK or marks >= 2 and share < CODE_WORDS_TWO_MARKS
            or marks >= 3 and share < CODE_WORDS_THREE_MARKS)


def _markup_wrapped(line: str) -> bool:
    """A line starting and ending with a tag (``<p class="x">Text</p>``): a markup sample."""
    return line.startswith("<") and line.endswith(">") and _MARKUP.match(line) is not None


def is_shell_command(line: str) -> bool:
    """A known command (or any after ``sudo``, or a program by its path) with flags, paths,
    files, URLs, pipes or assignments, and no sentence after it.

    >>> is_shell_command("sudo apt-get install -y nginx"), is_shell_command("Make sure it works.")
    (True, False)
    """
    tokens = line.split()
    if not tokens:
        return False
    first = tokens[0]
    if first == "sudo" and len(tokens) > 1 and tokens[1].islower():
        return True  # whatever follows it is a command
    if first not in _COMMANDS and not first.startswith(("./", "../", "/", "~/")):
        return False
    if line.endswith((".", "?", "!")) and not _TECHNICAL.search(tokens[-1]):
        return False
    rest = " ".join(tokens[1:])
    return bool(rest) and _TECHNICAL.search(rest) is not None


def is_code_block(text: str) -> bool:
    """Whether a preformatted block (an HTML ``<pre>``) is code, configuration or program
    output rather than text: a quarter of its lines are code lines (:data:`CODE_LINES_SHARE`),
    or half of them ``key: value`` lines, or a single line with code syntax.

    >>> is_code_block("name: web\\nimage: nginx:1.25\\nports:\\n  - 80:80")
    True
    >>> is_code_block("The rain in Spain\\nstays mainly in the plain.")
    False
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines:
        return False
    code = sum(map(is_code_line, lines))
    if code >= CODE_LINES_SHARE * len(lines):
        return True
    keyed = sum(1 for line in lines if _KEY_VALUE.match(line) and len(line.split(":", 1)[0].split()) == 1)
    if keyed >= KEY_VALUE_SHARE * len(lines) and len(lines) > 1:
        return True
    return len(lines) == 1 and code_marks(lines[0]) > 0 and natural_share(lines[0]) < CODE_WORDS_TWO_MARKS


def could_continue_code(line: str) -> bool:
    """A line that is code if the lines around it are: no sentence end, and a keyword or a
    command first, a single token or few words (``return total``, ``end``, ``else:``, ``done``).

    >>> could_continue_code("return total"), could_continue_code("This returns the total.")
    (True, False)
    >>> could_continue_code("sorted() returns a new list, like this:")
    False
    """
    line = line.strip()
    if not line or line.endswith((".", "!", "?")) and not line.endswith(("..", "()")):
        return False
    tokens = line.split()
    first = tokens[0].rstrip(":({")
    return first in _KEYWORDS or first in _COMMANDS or len(tokens) == 1 or natural_share(line) < CODE_WORDS_ONE_MARK


# --- citations ------------------------------------------------------------------------------------

_CITATION_SIGNS = (
    re.compile(r"\bdoi\b|\b10\.\d{4,9}/", re.IGNORECASE),
    re.compile(r"\bet al\b\.?"),
    re.compile(r"\((?:19|20)\d\d[a-z]?\)|\b(?:19|20)\d\d[a-z]?;\s*\d"),       # (2010) / 2010;12
    re.compile(r"\b\d+\s*\(\d+(?:[-–]\d+)?\)\s*[:,]\s*[\w-]*\d|:\s*\d+\s*[-–]\s*\d+"),  # 12(3):45-51
    re.compile(r"(?:^|[,;]\s*|\band\s|&\s)[A-Z][\w'’-]+,?\s+(?:[A-Z]\.?\s?-?){1,3}[,.;]"),  # Okafor CN, / Smith, J. A.
    re.compile(r"\bpp?\.\s*\d|\b[Vv]ol\.\s*\d|\bISBN\b|\bPMID\b|\bRetrieved from\b|\[Internet\]|\bIn:\s"),
)
#: A block is read as a bibliography entry when this many kinds of citation signs are in it
#: (set by hand: one alone is common in prose, a year in brackets or a DOI).
CITATION_SIGNS = 2


def is_citation(text: str) -> bool:
    """Whether ``text`` reads as a bibliography entry: :data:`CITATION_SIGNS` kinds of signs
    among a DOI, ``et al.``, a year in brackets or before a volume, volume(issue):pages, an
    author with initials, pages, volumes, ISBN, PMID, "Retrieved from".

    >>> is_citation("Smith J, Jones AB. A study of things. Nature. 2001;410(6824):123-9.")
    True
    >>> is_citation("In 2010 (a good year) the company grew.")
    False
    """
    found = 0
    for sign in _CITATION_SIGNS:
        if sign.search(text):
            found += 1
            if found >= CITATION_SIGNS:
                return True
    return False
