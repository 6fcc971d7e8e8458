"""The language stage's tuned numbers, in one frozen config (``Config.language``).

Each field says what it means and how its value was chosen: the data (the lingua test set's
dev lines, ``../shared/data/langid``, lines 1-200 a language, read by
``scripts/bench_langid.py``; the mixed-language dev set read by ``scripts/bench_spans.py``) and
the figure. "Set by hand" means no sweep is on record; "measured" figures were taken for this
config with ``scripts/bench_langid.py --anchors none`` (accuracy per kind: sentences, word
pairs, single words, macro over the 75 languages). "Sweep" figures are
``scripts/sweep_langid.py --lines 100 --fields <field>`` (100 dev lines a language and kind;
sentences / word pairs / single words, 96.6 / 89.1 / 74.4 with every default) with the field at
two alternative values, everything else default; "spans sweep" figures are
``scripts/sweep_langid.py --spans --fields <field>`` (the 600 mixed dev items; character accuracy /
boundary F1 / set accuracy, in %).

>>> LanguageConfig().fasttext_sure
0.97
>>> LanguageConfig(prior_weight=2.0) == LanguageConfig()
False
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class LanguageConfig:
    """How the detector weighs its evidence. Frozen and hashable: one detector per config and
    process (:func:`normalize.langid.detector.detector_for`)."""

    # --- how much text is looked at ------------------------------------------------------------
    #: Characters of a long text that are looked at: a few thousand settle any language,
    #: megabytes only cost time (set by hand, b98a090; every dev line is shorter, so no dev
    #: figure depends on it).
    evidence_chars: int = 5000
    #: Fewer letters than this (outside Han, kana, Hangul, where one is a word) say nothing:
    #: ``und`` (set by hand: one Latin or Cyrillic letter is no language). Sweep: 1 → the
    #: defaults' figures, 3 → 96.6 / 89.1 / 74.1.
    min_letters: int = 2
    #: Latin text with fewer letters than this needs the document's language to be identified
    #: ("ok", "de": words of a dozen languages; set by hand). Sweep: 2 → the defaults' figures,
    #: 4 → 96.6 / 89.1 / 73.9.
    min_latin_letters_alone: int = 3
    #: Confidence of a language its script alone settles (Greek, Hangul, Thai…; set by hand:
    #: such text is that language but for a quotation or a name). It changes no answer, only
    #: the confidence: sweep 0.97 and 0.997 → the defaults' figures.
    script_confidence: float = 0.99
    #: Below this many letters once names are left out, text is in the document's language
    #: ("TEL AVIV (Sputnik)"), at :attr:`names_only_confidence` (set by hand on the seed's
    #: chrome lines). Spans sweep (default 98.7 / 95.1 / 89.2): names_only_letters 2 → 98.7 /
    #: 95.3 / 89.2, 4 → 98.7 / 95.0 / 89.0; names_only_confidence 0.2 and 0.8 → the defaults'.
    names_only_letters: int = 3
    names_only_confidence: float = 0.5

    # --- when a model's answer stands alone ------------------------------------------------------
    #: fastText this sure of a language without look-alikes is right ~99.9% of the time on the
    #: dev sentences, so it answers alone (from the first weighing of the models, 962845a).
    #: Sweep: 0.92 → 96.5 / 89.1 / 74.4, 0.99 → the defaults' figures.
    fasttext_sure: float = 0.97
    #: From this many letters ("long text"), a py3langid at :attr:`py3langid_sure` needs no third
    #: opinion and langdetect is not asked about look-alikes (b54ef8b: 40 letters at 90% gave the
    #: same dev accuracy as asking lingua, faster). Sweep: long_text_letters 20 → 96.6 / 89.0 /
    #: 74.4, 80 → the defaults' figures; py3langid_sure 0.8 and 0.96 → the defaults' figures.
    long_text_letters: int = 40
    py3langid_sure: float = 0.9
    #: From this many letters, fastText at :attr:`agree_fasttext` and py3langid at
    #: :attr:`agree_py3langid` agreeing settle a sentence: lingua rarely overrules two models at
    #: once (23d47fc, 5ee9e71: same dev sentence accuracy, lingua asked less). Sweep:
    #: agree_letters 10 → 96.6 / 89.0 / 74.0, 40 → 96.6 / 89.2 / 74.4; agree_py3langid 0.2 → the
    #: defaults' figures, 0.8 → 96.5 / 89.1 / 74.4; agree_fasttext 0.1 → the defaults' figures,
    #: 0.6 → 96.6 / 89.0 / 74.4.
    agree_letters: int = 20
    agree_py3langid: float = 0.5
    agree_fasttext: float = 0.3

    # --- how the models' opinions are weighed ----------------------------------------------------
    #: The best languages of each fast model that lingua is asked about (6a690ad, 498d519: 3 a
    #: model made lingua 4x faster than asking about every candidate, at the same dev accuracy).
    #: Sweep: 2 → 96.6 / 89.0 / 74.2, 4 → the defaults' figures.
    shortlist: int = 3
    #: Below this probability in every model a language trails far behind the settled best and
    #: is not scored (8e6d376: no dev answer changed, a third of the glue's time saved).
    #: Sweep: 3e-4 and 3e-3 → the defaults' figures.
    negligible: float = 1e-3
    #: Probability floor: one model's near-zero cannot veto the others (962845a, set by hand).
    #: Sweep: 3e-5 → 96.6 / 89.1 / 74.3, 3e-4 → 96.6 / 89.0 / 74.4.
    probability_floor: float = 1e-4
    #: Weights of the models' log-probabilities (962845a, set by hand: fastText's calibration is
    #: poor on short text, so it counts 0.3 of the two n-gram models). scripts/sweep_langid.py
    #: (100 dev lines a language and kind; sentences / word pairs / single words, default 96.6 /
    #: 89.1 / 74.4): py3langid 0.5 → 96.4 / 88.8 / 74.3, 2 → 96.7 / 89.1 / 74.3; lingua 0.5 →
    #: 96.7 / 88.9 / 74.3, 2 → 96.4 / 88.5 / 73.6; fastText 0.15 → 96.6 / 88.9 / 74.2, 0.6 →
    #: 96.5 / 89.1 / 74.4: the defaults are at or within 0.1 of the best on every kind.
    py3langid_weight: float = 1.0
    lingua_weight: float = 1.0
    fasttext_weight: float = 0.3

    # --- look-alike languages --------------------------------------------------------------------
    #: Log-odds per marker word or letter of a look-alike (:mod:`~normalize.langid.lookalikes`;
    #: 962845a, set by hand; scripts/sweep_langid.py: 1 or 4 cost 0.1 on word pairs and single
    #: words against 2's 89.1 / 74.4).
    marker_weight: float = 2.0
    #: Look-alikes closer than this in log-odds on short text ask langdetect (962845a, 98af07c:
    #: set by hand; langdetect settles close look-alikes in short text only). Sweep: 1.5 and 6
    #: → the defaults' figures.
    close_log_odds: float = 3.0
    #: Weight of langdetect's log-probabilities among the look-alikes (962845a, set by hand;
    #: scripts/sweep_langid.py: 0.5 or 2 cost 0.1 on word pairs or single words, against 1's
    #: 96.6 / 89.1 / 74.4).
    langdetect_weight: float = 1.0
    #: Members of a high-accuracy group further than this behind the best are not asked about
    #: (169ec91, set by hand: e^-10 is no chance). Sweep: 5 → 96.6 / 89.0 / 74.5, 20 → the
    #: defaults' figures.
    plausible_log_odds: float = 10.0
    #: Share of a text's letters that must be in a language's alphabet for a language no fast
    #: model knows (Maori) to be considered: room for a foreign name or two (3862c6c, by hand).
    #: Sweep: 0.8 → 96.6 / 89.1 / 74.3, 0.96 → the defaults' figures.
    alphabet_share: float = 0.9

    # --- context: the document's language --------------------------------------------------------
    #: Text under this many letters leans to the document's language, by up to twice
    #: :attr:`prior_weight` log-odds, the shorter the more (f33b7dc, db81627: set by hand on the
    #: seed's chrome lines). Spans sweep (default 98.7 / 95.1 / 89.2): prior_letters 20 → 98.7 /
    #: 95.0 / 89.0, 80 → the defaults'; prior_weight 1.5 → 98.7 / 95.0 / 88.8, 6 → 98.7 / 94.9 /
    #: 88.8.
    prior_letters: int = 40
    prior_weight: float = 3.0
    #: In a block, pieces thinner than this many letters are too thin to stand against the
    #: block's main language and are identified again leaning to it (spans; set by hand in the
    #: first skeleton, 3ee5510). Spans sweep: 6 → 98.7 / 94.9 / 87.8, 24 → 98.7 / 94.8 / 89.0,
    #: against 12's 98.7 / 95.1 / 89.2.
    thin_piece_letters: int = 12

    # --- inside a document: what another language needs (spans with a prior) --------------------
    #: A piece of this many words that are not names (:func:`~normalize.langid.detector.content_words`)
    #: is a clause: it stands in the language the models give it unless at least
    #: :attr:`clause_home_share` of its words are at least as common in the document's language
    #: (set by hand: four words make a clause; a real foreign sentence has few of the document's
    #: words, English misread as Latin or Danish has most. Checked on the WCXB pages and planted
    #: sentences of scripts/bench_spans.py --set wcxb).
    clause_words: int = 4
    clause_home_share: float = 0.5
    #: A clause whose words are all ordinary words of the document's language (at least this
    #: Zipf frequency in its list: once per million words), and not :attr:`phrase_evidence` more
    #: common in the other, is the document's whatever the models say: "Comment engagement index
    #: (points)" read as French in an English page (set by hand from the foreign tags
    #: sampled on the WCXB pages, scripts/bench_spans.py --sample; without the second condition
    #: a Russian clause in a Ukrainian document of the mixed set became Ukrainian).
    common_zipf: float = 3.0
    #: Fewer words (a phrase) stand only when there are :attr:`phrase_words` distinct ones at
    #: least and, by the word lists, they are this many Zipf units (log10 of frequency) more
    #: common in the other language, summed: a thousand times ("molto bella" in English: 7.7;
    #: "Read more" in German: 3.8; "snake plant" in English, as Dutch: -1.2). One word alone never
    #: does: on the WCXB pages single words at 3 or more were names, jargon and abbreviations
    #: (set by hand). Asking two words each more common there ("Max 70 chars" as French: "max"
    #: is both languages') cost the mixed set in a document 0.985 / 0.941 / 0.875 -> 0.983 /
    #: 0.934 / 0.865: not kept.
    phrase_words: int = 2
    phrase_evidence: float = 3.0
    #: A sentence (it ends like one) of :attr:`phrase_words` distinct words or more that are not
    #: names, in a language without a word list (Irish, Basque, Yoruba: its words cannot be
    #: weighed), stands when the models give it that language at this confidence even leaning
    #: to the document's: "Is abhainn i Sasana í an Thames." in an English page, where the
    #: names hold most letters (set by hand from the WCXB planted sentences, lines 201-500, that
    #: were read as the page's language this way; the foreign tags of the WCXB pages, 127 with it
    #: and 126 without, scripts/bench_spans.py).
    sure_sentence_confidence: float = 0.99
    #: A foreign piece the models give under this confidence, inside a sentence whose next or
    #: previous piece stands in another foreign language at :attr:`sure_confidence` or more and
    #: with more letters, is that sentence's ("Jesu a re: “" before a Sesotho quotation read as
    #: Bosnian at 0.49): a quotation mark or a dash cuts a sentence into pieces, it does not change
    #: its language (set by hand from the WCXB planted sentences split this way, lines 201-500).
    #: A piece cut off by a spaced dash joins such a neighbour at any confidence (a Tsonga
    #: sentence's end read as Tagalog at 0.95; the mixed set is unchanged).
    doubtful_confidence: float = 0.6
    sure_confidence: float = 0.9
    #: Confidence of ``zxx`` for a line or block that is code by its shape (set by hand: a shape,
    #: not a model's probability; text without any letter is ``zxx`` at 1.0).
    code_confidence: float = 0.9

    # --- words: how common they are in each language ---------------------------------------------
    #: Up to this many words, the word lists (wordfreq) weigh in, and lingua's high-accuracy
    #: models decide Bokmål/Nynorsk and Afrikaans/Dutch (Bosnian/Croatian at any length, see
    #: ``Detector.HIGH_ACCURACY_GROUPS``; 25cf5b1: word pairs
    #: 84.3 -> 87.4, single words 66.6 -> 71.8 on the dev lines; 84.8 -> 87.8 and 66.0 -> 71.6
    #: on the unseen lines 201-500). Sweep: 2 and 4 → the defaults' figures (the dev lines are
    #: one word, two or a sentence: they hardly tell 2, 3 and 4 apart).
    few_words: int = 3
    #: Log-odds per word and Zipf unit: a word 10x as common is 10x as likely (25cf5b1).
    #: Sweep: ln 10 / 2 → 96.6 / 88.8 / 73.5, 2 ln 10 → 96.6 / 88.7 / 74.1.
    lexicon_weight: float = math.log(10)
    #: A word of the language scores above this Zipf frequency (once per 100 million words);
    #: one not in its list scores 0 (25cf5b1). Sweep: 1 → 96.6 / 88.6 / 74.8 (single words
    #: +0.4, word pairs -0.5), 4 → 96.6 / 86.4 / 71.9.
    zipf_expected: float = 2.0

    # --- answers remembered ----------------------------------------------------------------------
    #: Answers remembered per process, for texts up to :attr:`remembered_length` characters:
    #: menus, footers and other chrome repeat across the pages of a site (a third of the calls on
    #: the 90 dev article pages repeat an earlier one, d7168d8); 20,000 short texts are at most
    #: ~20 MB.
    remembered: int = 20_000
    remembered_length: int = 256
