"""Every test starts in English with no language asked for: a workbook read by one test
(the Japanese example settles Japanese) must not change the words of the next."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from crossteam import i18n


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(i18n.ENVIRONMENT, raising=False)
    i18n.ask(None)
    yield
    i18n.ask(None)
