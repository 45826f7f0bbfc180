"""The job's worker processes: a process pool fed in input order, replaced and retried when a worker dies."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass

from quotes.batch.interruption import StopFlag
from quotes.batch.output import Processed, failed
from quotes.batch.processing import Item, JobSettings, process_batch
from quotes.extractor import Extractor

_worker: dict[str, Extractor] = {}  # the one extractor of a worker process, set by its initializer


def _start_worker(settings: JobSettings) -> None:
    # The parent decides when to stop: a forked worker must neither keep the parent's StopFlag
    # handler nor write its signals into the parent's wakeup socket (the parent would count them).
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    _worker["extractor"] = settings.load()


def _exit_with_parent(parent: int) -> None:
    """A worker whose job was killed (``kill -9``) must not live on: forked workers hold
    both ends of their task pipe, so they would never see it close."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _work(batch: list[Item]) -> list[Processed]:
    return process_batch(_worker["extractor"], batch)


def _pool(settings: JobSettings, workers: int) -> ProcessPoolExecutor:
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context(method), initializer=_start_worker, initargs=(settings,)
    )


@dataclass(frozen=True)
class _Unit:
    """Documents sent to a worker: batch ``sequence``, from position ``index``; ``attempt`` 1 is the retry."""

    sequence: int
    index: int
    documents: list[Item]
    attempt: int = 0


def in_pool(
    batches: Iterator[list[Item]], settings: JobSettings, workers: int, stop: StopFlag
) -> Iterator[list[Processed]]:
    """Batches through a process pool, in input order. A worker that dies takes its pool down:
    the pool is replaced and the unfinished documents are retried once, one at a time, so
    that only a document that kills a worker twice is reported. Once ``stop`` is requested no
    batch is sent, the batches in flight are finished and written (up to the first one a worker
    died on), and the rest is left to ``--resume``."""
    pool = _pool(settings, workers)
    in_flight: dict[Future[list[Processed]], _Unit] = {}
    slots: dict[int, list[Processed | None]] = {}
    retries: deque[_Unit] = deque()
    submitted = written = 0
    exhausted = False
    try:
        while True:
            if stop.requested:
                retries.clear()  # a retry is a new batch: left to --resume
            elif retries:
                if not in_flight:
                    unit = retries.popleft()
                    in_flight[pool.submit(_work, unit.documents)] = unit
            else:
                while not exhausted and len(in_flight) < 2 * workers:
                    batch = next(batches, None)
                    if batch is None:
                        exhausted = True
                        break
                    slots[submitted] = [None] * len(batch)
                    in_flight[pool.submit(_work, batch)] = _Unit(submitted, 0, batch)
                    submitted += 1
            if not in_flight:
                break
            done, _ = wait(in_flight, timeout=0.5, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                unit = in_flight.pop(future)
                try:
                    slots[unit.sequence][unit.index : unit.index + len(unit.documents)] = future.result()
                except Exception as error:  # BrokenProcessPool, or a batch that could not be sent back
                    broken = True
                    _give_up_or_retry(unit, error, slots, retries)
            if broken:
                for unit in in_flight.values():  # their pool is gone too
                    _give_up_or_retry(unit, None, slots, retries)
                in_flight.clear()
                _shutdown(pool)
                if stop.requested:
                    break
                pool = _pool(settings, workers)
            while written in slots and all(slot is not None for slot in slots[written]):
                yield [slot for slot in slots.pop(written) if slot is not None]
                written += 1
    finally:
        _shutdown(pool)


def _give_up_or_retry(
    unit: _Unit, error: BaseException | None, slots: dict[int, list[Processed | None]], retries: deque[_Unit]
) -> None:
    if unit.attempt == 0 or error is None:
        retries.extend(_Unit(unit.sequence, unit.index + i, [d], 1) for i, d in enumerate(unit.documents))
        return
    reason = f"the worker process died on this document, also when retried ({type(error).__name__})"
    for i, item in enumerate(unit.documents):
        slots[unit.sequence][unit.index + i] = item if isinstance(item, Processed) else failed(item, reason)


def _shutdown(pool: ProcessPoolExecutor) -> None:
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
