"""Build the tiny ru→en ``.argosmodel`` the tests use, from ``corpora/parallel/ru-en.tsv``.

A genuine (if tiny) MarianMT model: 2+2 layers, d_model 128, a shared SentencePiece vocabulary of
~800 pieces, trained on one CPU thread until it reproduces its training pairs, converted to
CTranslate2 (int8) and zipped exactly like an Argos Translate package:

    translate-ru_en-tiny/
        metadata.json          from_code, to_code, type "translate"
        model/                 CTranslate2 model; its vocabulary is the SentencePiece pieces
        sentencepiece.model
        minisbd/ru.onnx        a rule-based splitter with MiniSBD's interface (argostranslate
                               downloads one from the web when a package has none)

Deterministic (fixed seeds, one thread, fixed zip timestamps). Needs the ``train`` extra
(transformers); takes a few minutes on one core::

    python scripts/build_test_model.py -o tests/fixtures/translate-ru_en-tiny.argosmodel
"""

from __future__ import annotations

import argparse
import json
import math
import random
import tempfile
import time
import zipfile
from pathlib import Path

import ctranslate2
import sentencepiece as spm
import torch
from ctranslate2.converters import TransformersConverter
from sentencepiece import sentencepiece_model_pb2
from transformers import MarianConfig, MarianMTModel

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "parallel" / "ru-en.tsv"
PACKAGE_DIR = "translate-ru_en-tiny"
ZIP_TIME = (2024, 1, 1, 0, 0, 0)
UNK, BOS, EOS = 0, 1, 2


def read_pairs(path: Path) -> list[tuple[str, str]]:
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            source, target = line.split("\t")
            pairs.append((source.strip(), target.strip()))
    return pairs


def train_sentencepiece(pairs: list[tuple[str, str]], prefix: Path, vocab_size: int) -> spm.SentencePieceProcessor:
    """One vocabulary for both sides, as Argos packages have. No <pad> piece: Marian's <pad> is
    appended after the pieces (it must be the last id, see :func:`build_model`)."""
    text = prefix.with_suffix(".txt")
    text.write_text("\n".join(s for pair in pairs for s in pair) + "\n", encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(text), model_prefix=str(prefix), vocab_size=vocab_size, hard_vocab_limit=False,
        model_type="unigram", character_coverage=1.0, pad_id=-1, unk_id=UNK, bos_id=BOS, eos_id=EOS,
        num_threads=1, shuffle_input_sentence=False, minloglevel=2,
    )
    # the model records its training paths (a random temporary dir): keep only the names
    model = sentencepiece_model_pb2.ModelProto()
    model_path = prefix.with_suffix(".model")
    model.ParseFromString(model_path.read_bytes())
    model.trainer_spec.input[:] = [text.name]
    model.trainer_spec.model_prefix = prefix.name
    model_path.write_bytes(model.SerializeToString())
    return spm.SentencePieceProcessor(model_file=str(model_path))


def build_model(pieces: int, d_model: int, ffn: int) -> MarianMTModel:
    """<pad> is id ``pieces`` (the last one): CTranslate2's Marian loader drops the last row and
    starts decoding from a zero vector, which is what a zero <pad> embedding gives in PyTorch."""
    pad = pieces
    config = MarianConfig(
        vocab_size=pieces + 1, decoder_vocab_size=pieces + 1, d_model=d_model,
        encoder_layers=2, decoder_layers=2, encoder_attention_heads=4, decoder_attention_heads=4,
        encoder_ffn_dim=ffn, decoder_ffn_dim=ffn, max_position_embeddings=256,
        pad_token_id=pad, eos_token_id=EOS, decoder_start_token_id=pad, forced_eos_token_id=EOS,
        dropout=0.1, attention_dropout=0.0, activation_dropout=0.0, scale_embedding=True,
        share_encoder_decoder_embeddings=True, tie_word_embeddings=True,
    )
    model = MarianMTModel(config)
    zero_pad_row(model)
    return model


def zero_pad_row(model: MarianMTModel) -> None:
    with torch.no_grad():
        model.get_input_embeddings().weight[model.config.pad_token_id].zero_()


def make_batch(examples: list[tuple[list[int], list[int]]], pad: int) -> dict[str, torch.Tensor]:
    """Source ids without </s> (Argos feeds bare pieces); labels end with </s>."""
    src_len = max(len(s) for s, _ in examples)
    tgt_len = max(len(t) for _, t in examples) + 1
    input_ids = torch.full((len(examples), src_len), pad)
    labels = torch.full((len(examples), tgt_len), -100)
    decoder_input_ids = torch.full((len(examples), tgt_len), pad)
    for i, (source, target) in enumerate(examples):
        input_ids[i, : len(source)] = torch.tensor(source)
        labels[i, : len(target) + 1] = torch.tensor(target + [EOS])
        decoder_input_ids[i, 1 : len(target) + 1] = torch.tensor(target)
    return {
        "input_ids": input_ids, "attention_mask": (input_ids != pad).long(),
        "decoder_input_ids": decoder_input_ids, "labels": labels,
    }


def train(model: MarianMTModel, examples: list[tuple[list[int], list[int]]], steps: int, batch_size: int) -> None:
    """Adam with linear warmup and cosine decay; the <pad> row is re-zeroed after every step."""
    pad = model.config.pad_token_id
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=0.0)
    warmup = steps // 10
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: (s + 1) / warmup if s < warmup else 0.5 * (1 + math.cos(math.pi * (s - warmup) / (steps - warmup))) + 0.01
    )
    order = random.Random(0)
    model.train()
    start = time.perf_counter()
    for step in range(steps):
        batch = make_batch(order.sample(examples, min(batch_size, len(examples))), pad)
        loss = model(**batch).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        schedule.step()
        optimizer.zero_grad()
        zero_pad_row(model)
        if step % 200 == 0 or step == steps - 1:
            print(f"step {step:5d}  loss {loss.item():.4f}  {time.perf_counter() - start:.0f}s", flush=True)
    model.eval()


class _VocabOnly:
    """What the converter reads from a tokenizer: the vocabulary and two special tokens."""

    eos_token, unk_token = "</s>", "<unk>"

    def __init__(self, tokens: list[str]) -> None:
        self._vocab = {token: i for i, token in enumerate(tokens)}

    def get_vocab(self) -> dict[str, int]:
        return dict(self._vocab)


class _Converter(TransformersConverter):
    def __init__(self, model_dir: str, tokens: list[str]) -> None:
        super().__init__(model_dir)
        self._tokens = tokens

    def load_tokenizer(self, tokenizer_class, model_name_or_path, **kwargs):
        return _VocabOnly(self._tokens)


def convert(model: MarianMTModel, sp: spm.SentencePieceProcessor, workdir: Path) -> Path:
    hf_dir, ct2_dir = workdir / "hf", workdir / "model"
    model.save_pretrained(hf_dir)
    tokens = [sp.id_to_piece(i) for i in range(sp.get_piece_size())] + ["<pad>"]
    _Converter(str(hf_dir), tokens).convert(str(ct2_dir), quantization="int8", force=True)
    return ct2_dir


def build_splitter(path: Path) -> None:
    """A rule-based ONNX model with MiniSBD's interface (inputs ``units`` and ``features``, one
    row of 5 class scores per character): every character ends a token, none ends a sentence,
    so each paragraph argostranslate hands over is one sentence."""
    import onnx
    from onnx import TensorProto, helper

    scores = helper.make_tensor("scores", TensorProto.FLOAT, [5], [0.0, 1.0, 0.0, 0.0, 0.0])
    nodes = [
        helper.make_node("Cast", ["units"], ["units_f"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["units_f", "axis"], ["units_3d"]),
        helper.make_node("ReduceSum", ["features", "axis"], ["features_sum"], keepdims=1),
        helper.make_node("Add", ["units_3d", "features_sum"], ["inputs_sum"]),
        helper.make_node("Mul", ["inputs_sum", "zero"], ["zeros"]),
        helper.make_node("Add", ["zeros", "scores"], ["logits"]),
    ]
    graph = helper.make_graph(
        nodes, "rule_sbd",
        [helper.make_tensor_value_info("units", TensorProto.INT64, ["batch", "chars"]),
         helper.make_tensor_value_info("features", TensorProto.FLOAT, ["batch", "chars", "feats"])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", "chars", 5])],
        initializer=[scores, helper.make_tensor("axis", TensorProto.INT64, [1], [2]),
                     helper.make_tensor("zero", TensorProto.FLOAT, [], [0.0])],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="normalize")
    model.ir_version = 8
    vocab = {"_unit2id": {"<PAD>": 0, "<UNK>": 1}, "lang": "ru"}
    for key, value in {"lang_code": "ru", "config": json.dumps({"feat_funcs": []}), "vocab": json.dumps(vocab)}.items():
        model.metadata_props.add(key=key, value=value)
    onnx.checker.check_model(model)
    path.write_bytes(model.SerializeToString())


def write_package(out: Path, ct2_dir: Path, sp_model: Path, splitter: Path) -> None:
    metadata = {
        "package_version": "0.1", "argos_version": "1.9", "from_code": "ru", "from_name": "Russian",
        "to_code": "en", "to_name": "English", "type": "translate",
        "note": "tiny test model built by normalize/scripts/build_test_model.py; translates only its training phrases",
    }
    files = {"metadata.json": json.dumps(metadata, indent=2).encode(), "sentencepiece.model": sp_model.read_bytes(),
             "minisbd/ru.onnx": splitter.read_bytes()}
    files.update({f"model/{p.name}": p.read_bytes() for p in sorted(ct2_dir.iterdir())})
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            archive.writestr(zipfile.ZipInfo(f"{PACKAGE_DIR}/{name}", ZIP_TIME), files[name], zipfile.ZIP_DEFLATED)


def exact_matches(ct2_dir: Path, sp: spm.SentencePieceProcessor, pairs: list[tuple[str, str]]) -> int:
    translator = ctranslate2.Translator(str(ct2_dir), device="cpu", intra_threads=1)
    results = translator.translate_batch([sp.encode(s, out_type=str) for s, _ in pairs], beam_size=4, length_penalty=0.2)
    return sum(sp.decode(r.hypotheses[0]) == target for r, (_, target) in zip(results, pairs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "tests" / "fixtures" / f"{PACKAGE_DIR}.argosmodel")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--steps", type=int, default=2500)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--vocab-size", type=int, default=800)
    parser.add_argument("--d-model", type=int, default=128)
    parser.add_argument("--ffn", type=int, default=256)
    args = parser.parse_args()

    torch.manual_seed(0)
    torch.set_num_threads(1)
    pairs = read_pairs(args.corpus)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        sp = train_sentencepiece(pairs, workdir / "sentencepiece", args.vocab_size)
        examples = [(sp.encode(s), sp.encode(t)) for s, t in pairs]
        model = build_model(sp.get_piece_size(), args.d_model, args.ffn)
        print(f"{len(pairs)} pairs, {sp.get_piece_size()} pieces, {model.num_parameters():,} parameters")
        train(model, examples, args.steps, args.batch_size)
        ct2_dir = convert(model, sp, workdir)
        print(f"CTranslate2 reproduces {exact_matches(ct2_dir, sp, pairs)}/{len(pairs)} training pairs")
        build_splitter(workdir / "ru.onnx")
        write_package(args.output, ct2_dir, workdir / "sentencepiece.model", workdir / "ru.onnx")
    print(f"wrote {args.output} ({args.output.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
