"""Project exceptions; each message names the bad value and what to do."""


class PolicyKBError(Exception):
    """Base class for errors the CLI and app turn into one-line messages."""


class DocumentError(PolicyKBError):
    """A source document cannot be read or parsed."""


class IndexMissingError(PolicyKBError):
    """No usable index at the given path."""


class IndexCorruptError(PolicyKBError):
    """Index files are partial, truncated, tampered with or unreadable."""


class IndexMismatchError(PolicyKBError):
    """The index was built with another model or parser than the one configured."""


class ModelError(PolicyKBError):
    """An embedding model cannot be loaded."""
