"""The catalogue's entries: a message, a counted noun, a name, each in both languages."""

from __future__ import annotations

from dataclasses import dataclass

from crossteam.i18n.language import Language


@dataclass(frozen=True)
class Text:
    """One message in English and Japanese: ``str.format`` templates with the same
    named fields (``{count:,}``, ``{sheet}``)."""

    en: str
    ja: str

    def of(self, language: Language) -> str:
        return self.ja if language is Language.JA else self.en


@dataclass(frozen=True)
class Noun:
    """A counted noun: English singular and plural ("team", "teams"; plural defaults to
    the singular with an s), and Japanese with its counter around ``{n}`` ("{n}チーム",
    "{n}名", "{n}件"); ``{n}`` is formatted with thousands separators."""

    en: str
    ja: str
    en_plural: str | None = None
