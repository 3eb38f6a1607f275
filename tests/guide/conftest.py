"""The guide tests read the built site (``make test`` builds it before pytest runs)."""

from tests.site.conftest import site_dir  # noqa: F401  (re-exported fixture)
