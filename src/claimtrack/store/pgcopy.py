"""An import's COPYs on PostgreSQL, sent by a second thread while the first prepares the next batch.

A bulk import alternates two kinds of work: claimtrack builds a batch of rows (ids, the chain's
hashes, the COPY text), then the server stores them (the search trigger, the indexes). Run one
after the other, each waits for the other: on SQLite the rows are stored by this process, but on
PostgreSQL the server is a process of its own, on another core. So ``CopyPipe.send`` hands the
COPY text of a batch to a thread, which streams it to the server (psycopg2 releases the GIL while
it waits), and returns at once; the next batch is built meanwhile.

The connection is never used by both threads at once: every other statement of the transaction
first ``drain``s the pipe (waits for every COPY sent and raises the first one's failure), and so
does ``COMMIT``. On a failure or Ctrl-C, ``abort`` drops what was not sent yet, cancels the COPY
the server is running and waits for the thread before the transaction is rolled back. The rows
are the same, in the same order, as COPYs sent one at a time (``pgdriver.PgWriter``).
"""

from __future__ import annotations

import io
import queue
import threading
from typing import Any

PENDING = 2  # batches queued at most: the next one is built while one is being stored


class CopyPipe:
    """The COPYs of one write transaction, sent in order by one thread (started on the first)."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.queue: queue.Queue[tuple[str, str, str] | None] = queue.Queue(maxsize=PENDING)
        self.thread: threading.Thread | None = None
        self.failed: tuple[BaseException, str] | None = None  # the first COPY that failed, and its statement
        self.stopping = False

    def send(self, copy: str, text: str, statement: str) -> None:
        """Queue ``COPY ... FROM STDIN`` (``copy``) with its rows (``text``); ``statement`` names it in a failure."""
        self._raise()
        if self.thread is None:
            self.thread = threading.Thread(target=self._work, name="claimtrack-copy", daemon=True)
            self.thread.start()
        self.queue.put((copy, text, statement))

    def drain(self) -> None:
        """Wait until every COPY sent is stored; raise the first failure."""
        if self.thread is not None:
            self.queue.join()
        self._raise()

    def close(self) -> None:
        """Stop the thread (after ``drain`` or ``abort``)."""
        if self.thread is not None:
            self.queue.put(None)
            self.thread.join()
            self.thread = None

    def abort(self) -> None:
        """Drop the COPYs not sent yet, stop the one running and the thread: the transaction is to be rolled back."""
        if self.thread is None:
            return
        self.stopping = True
        while True:
            try:
                self.queue.get_nowait()
            except queue.Empty:
                break
            self.queue.task_done()
        if not self.queue.unfinished_tasks:
            self.close()
            return
        try:
            self.conn.cancel()  # the server stops the running COPY; the thread sees it fail
        except Exception:  # noqa: BLE001 - a lost connection: the COPY ends by itself
            pass
        self.close()

    def _raise(self) -> None:
        if self.failed is not None:
            raise self.failed[0]

    def _work(self) -> None:
        while True:
            item = self.queue.get()
            try:
                if item is None:
                    return
                if self.failed is None and not self.stopping:
                    copy, text, statement = item
                    try:
                        with self.conn.cursor() as cursor:
                            cursor.copy_expert(copy, io.StringIO(text))
                    except BaseException as exc:  # noqa: BLE001 - handed to the writer's thread
                        self.failed = (exc, statement)
            finally:
                self.queue.task_done()
