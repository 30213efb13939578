"""The package's errors: :class:`DomainError`, an input outside what a calculation accepts.

The command line turns a :class:`DomainError` into bad input: one ``Error:`` line, exit 2.
"""


class DomainError(ValueError):
    """An input outside a calculation's domain (non-positive value, no periods, overflow...)."""
