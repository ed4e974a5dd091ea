"""The storage layer: the only code that touches SQL, SQLAlchemy or SQLModel.

* ``target``: where the database is (flag > env var > user data dir).
* ``database``: opening, checking, migrating; the read and write paths.
* ``migrations``: numbered schema migrations.
* ``models``: SQLModel tables (the schema as Python; used for writes).
* ``queries``: read queries as SQL text.
* ``writes``: each change and its event in one transaction (imports SQLModel: load it lazily).
"""
