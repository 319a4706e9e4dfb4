"""The benchmark's build "without hooks": our templates still need their filters, so only
the hook's on_env runs here; no content checks, no publishing."""

from weaning_breast_health.hook import on_env  # noqa: F401  (MkDocs calls it by name)
