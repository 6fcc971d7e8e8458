"""Column stores in and out: :mod:`.arrow` (the ``normalize/1`` record as an Arrow schema, the
one home of the column layout) and :mod:`.parquet` (reading ``.parquet`` inputs, the resumable
``-o out.parquet`` sink). Both need pyarrow: ``pip install "normalize[parquet]"``."""
