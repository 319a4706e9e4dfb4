"""The one exception the commands turn into a message and exit status 2."""


class UsageError(Exception):
    """A command cannot run: a missing folder, an unreadable or invalid mkdocs.yml."""
