"""Stopping a job on SIGINT/SIGTERM: finish the batch on the first signal, stop at once on the second."""

from __future__ import annotations

import os
import signal
import socket
import threading
from types import FrameType
from typing import Any


class JobAborted(KeyboardInterrupt):
    """A second SIGINT or SIGTERM: stop now, without finishing the batch."""


#: After a second signal, how long the main thread has to stop by itself (it cannot while spaCy
#: parses a long document in C) before the process exits on its own.
ABORT_GRACE_SECONDS = 2.0


class StopFlag:
    """Set by SIGINT or SIGTERM while installed: the job finishes the batch it is writing and stops.

    A second signal stops it at once: the handler raises :class:`JobAborted`, which the job
    catches as an interruption (everything committed so far stays, ``--resume`` redoes the rest).
    Python runs signal handlers only between bytecodes of the main thread, and spaCy's parser
    runs for seconds in C on a long document, so a watchdog thread, woken by the signal through
    :func:`signal.set_wakeup_fd`, exits the process (status 130) if the main thread has not
    stopped ``grace`` seconds after the second signal. The commit protocol makes that safe, as
    it makes ``kill -9`` safe.
    """

    def __init__(self, grace: float = ABORT_GRACE_SECONDS) -> None:
        self.requested = False
        self.grace = grace
        self._previous: list[tuple[int, Any]] = []
        self._previous_wakeup: int | None = None
        self._wakeup: tuple[socket.socket, socket.socket] | None = None
        self._done = threading.Event()

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.requested:
            raise JobAborted
        self.requested = True

    def __enter__(self) -> StopFlag:
        for signum in (signal.SIGINT, signal.SIGTERM):
            self._previous.append((signum, signal.signal(signum, self._handle)))
        self._start_watchdog()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        if self._wakeup is not None:
            signal.set_wakeup_fd(self._previous_wakeup if self._previous_wakeup is not None else -1)
            self._wakeup[1].close()
        for signum, handler in self._previous:
            signal.signal(signum, handler)

    def _start_watchdog(self) -> None:
        reader, writer = socket.socketpair()
        writer.setblocking(False)
        try:
            self._previous_wakeup = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
        except ValueError:  # not the main thread, or no wakeup fd possible: the handler alone
            reader.close()
            writer.close()
            return
        self._wakeup = (reader, writer)
        threading.Thread(target=self._watch, args=(reader,), daemon=True).start()

    def _watch(self, reader: socket.socket) -> None:
        """Count the stop signals as they arrive, whatever the main thread is doing."""
        stops = 0
        with reader:
            while not self._done.is_set():
                try:
                    received = reader.recv(64)
                except OSError:
                    return
                if not received:
                    return
                stops += sum(1 for byte in received if byte in (signal.SIGINT, signal.SIGTERM))
                if stops >= 2:
                    if not self._done.wait(self.grace):
                        os.write(2, b"quotes: stopped at once (second signal): rerun with --resume to finish\n")
                        os._exit(130)
                    return
