"""Allow ``python -m offshoring_cli``."""

from offshoring_cli.cli import main

main()
