"""Allow ``python -m offshoring_cli``."""

from offshoring_cli.entry import main

main()
