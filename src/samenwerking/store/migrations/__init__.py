"""The store's Alembic migrations, run by :mod:`samenwerking.store.migrate` when a store opens.

Each module in ``versions/`` is one schema revision; a new release adds a module and never
changes a published one, so every older store can be brought up to date.
"""
