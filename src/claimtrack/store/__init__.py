"""The storage layer: the only code that touches SQL, SQLAlchemy or SQLModel.

* ``target``: where the database is (flag > env var > user data dir).
* ``database``: the opened database; the read and write paths (``opening``: check, create,
  migrate; ``connections``, ``locking``, ``transaction``, ``failures``, ``backup`` below it;
  ``pgdriver`` the same reads and writes through psycopg2 on PostgreSQL).
* ``health``, ``schemacheck``: ``db check``, reading through a ``handle.Handle``.
* ``migrations``: numbered schema migrations (the registry; the steps in ``migrations_1to5``...).
* ``models``: SQLModel tables (the schema as Python; used for writes).
* ``queries``: read queries as SQL text; ``search`` the full-text words, ``timeline`` the events.
* ``writes``: each change and its event in one transaction (imports SQLModel: load it lazily);
  ``changing`` the journalled transaction they all run in, ``sources`` changes to sources.
* ``imports``: bulk import (``imported`` its records, ``importevents`` its events' ids).
"""
