"""Running extraction past one process: a local process pool, and Dask clusters for corpora.

Nothing here imports Dask or pyarrow at import time; they load when a function needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from chancery.distributed.dask_ingest import DaskRun
    from chancery.settings import Settings


def ingest_with_dask(paths: list[str], scheduler: str | Any, settings: Settings | None = None,
                     **options: Any) -> DaskRun:
    """Extract JSONL/Parquet corpora on a Dask cluster and bulk-load the results into the ledger.

    See :func:`chancery.distributed.dask_ingest.ingest_with_dask` for the options.
    """
    from chancery.distributed.dask_ingest import ingest_with_dask as run

    return run(paths, scheduler, settings, **options)
