"""The schema revisions, oldest first: ``v0001_first_schema``, ``v0002_...``."""
