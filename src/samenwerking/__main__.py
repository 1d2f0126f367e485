"""Run the samenwerking command: ``python -m samenwerking``."""

from samenwerking.cli import main

__all__: list[str] = []

raise SystemExit(main())
