"""The skips for what lies outside the repository: visible on a user's clone,
failures in CI (tests/conftest.py)."""

from __future__ import annotations

import pytest

from .conftest import missing


def test_something_missing_is_a_skip_with_its_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ALERTER_REQUIRE_SHARED", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"no \.\./shared \(set ALERTER_REQUIRE"):
        missing("no ../shared", "ALERTER_REQUIRE_SHARED")


def test_something_missing_that_ci_requires_is_a_failure(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALERTER_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="ALERTER_REQUIRE_BROWSER=1 requires it"):
        missing("no chromium on PATH", "ALERTER_REQUIRE_BROWSER")
