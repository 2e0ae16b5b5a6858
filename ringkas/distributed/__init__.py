"""Scaling out: the batch pipeline on dask.distributed, with the local engine's results.

Workers run the per-article steps (read, clean, analyse) and the per-story step (summarize)
with the local engine's own methods; the driver streams the input in partitions, keeps the
SQLite store, runs the one global step (clustering) and writes Parquet. Needs the ``dask``
extra (``pip install 'ringkas[dask]'``).
"""

from __future__ import annotations

from .engine import DaskEngine
from .parquet import ParquetOutput, write_store
from .sources import PartitionStream

__all__ = ["DaskEngine", "ParquetOutput", "PartitionStream", "write_store"]
