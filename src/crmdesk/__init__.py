"""crmdesk: an offline-first desktop CRM for small sales teams."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("crmdesk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
