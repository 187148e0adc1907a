"""alerter: typed events from news text, YAML rules over them, digests by email or file."""

__version__ = "0.1.0"
