"""The storage layer: the only code that touches SQL, SQLAlchemy or SQLModel.

* ``target``: where the database is (flag > env var > user data dir).
* ``database``: the opened database; the read and write paths (``opening``: check, create,
  migrate; ``connections``, ``locking``, ``transaction``, ``failures``, ``backup`` below it).
* ``health``, ``schemacheck``: ``db check``, reading through a ``handle.Handle``.
* ``migrations``: numbered schema migrations.
* ``models``: SQLModel tables (the schema as Python; used for writes).
* ``queries``: read queries as SQL text.
* ``writes``: each change and its event in one transaction (imports SQLModel: load it lazily).
"""
