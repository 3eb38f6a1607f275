"""The print-edition tests read PDFs printed from the built site (make test builds it)."""

from tests.site.conftest import site_dir  # noqa: F401  (re-exported fixture)
