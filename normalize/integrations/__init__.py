"""normalize inside other pipelines, each an optional extra with a module of its own:

- :mod:`.datatrove`: :class:`~.datatrove.NormalizeStep`, a datatrove pipeline step
  (``pip install "normalize[datatrove]"``)
- :mod:`.hf`: :func:`~.hf.normalize_batch` for Hugging Face ``Dataset.map(..., batched=True)``
  (``pip install "normalize[hf]"``)

Both run the same pipeline as ``normalize run``, built once per process and kept
(:func:`normalize.run.parallel.pipeline_for`), so models load once a process.
"""
