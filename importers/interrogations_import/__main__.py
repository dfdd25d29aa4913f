"""``python -m interrogations_import``."""

from .cli import main

raise SystemExit(main())
