"""Progress of a long batch on the terminal (tqdm): articles done, skipped and failed, the rate
and the time left."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from tqdm import tqdm


@dataclass
class Progress:
    """Counts of a batch, shown as a tqdm bar when `show` is true."""

    total: int
    show: bool = True
    done: int = 0
    skipped: int = 0
    failed: int = 0
    _bar: tqdm | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.show:
            tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked after this
            self._bar = tqdm(
                total=self.total, unit="article", file=sys.stderr, dynamic_ncols=True, smoothing=0.1, desc="batch"
            )

    def add(self, status: str, count: int = 1) -> None:
        """Count `count` articles that ended as "done", "skipped" or "failed"."""
        setattr(self, status, getattr(self, status) + count)
        if self._bar is not None:
            self._bar.set_postfix(done=self.done, skipped=self.skipped, failed=self.failed, refresh=False)
            self._bar.update(count)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
