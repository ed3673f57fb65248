"""Run settings with documented defaults; the Settings sheet overrides any of them."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

from crossteam.i18n import Language, parse_language
from crossteam.i18n.catalogue import MESSAGES
from crossteam.models.limits import MAX_COUNT, MAX_SECONDS, MAX_SEED, MAX_WEIGHT


def _meaning(setting: str) -> str:
    """What ``setting`` does, in English (the catalogue's ``template.setting.<setting>``):
    its description in pydantic's schema; the template shows it in the run's language."""
    return MESSAGES[f"template.setting.{setting}"].en


class RepeatPolicy(StrEnum):
    """How a repeat of the past is treated: never (``forbid``), at a cost (``avoid``), or
    freely (``allow``)."""

    FORBID = "forbid"
    AVOID = "avoid"
    ALLOW = "allow"


class Settings(BaseModel):
    """Every setting a workbook may give, with its default.

    The names are the ``setting`` column of the Settings sheet. Command-line options
    (``--time-limit``, ``--seed``, ``--workers``) override the sheet. Every number is finite
    and within the bounds of ``crossteam.models.limits``; ``workers`` above the machine's
    cores is reduced to them when a plan is made.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)

    # Run control
    time_limit_seconds: float = Field(
        default=60.0,
        gt=0,
        le=MAX_SECONDS,
        description=_meaning("time_limit_seconds"),
    )
    random_seed: int = Field(default=0, ge=0, le=MAX_SEED, description=_meaning("random_seed"))
    workers: int = Field(
        default=0,
        ge=0,
        description=_meaning("workers"),
    )
    deterministic_time_limit: float | None = Field(
        default=None,
        gt=0,
        le=MAX_SECONDS,
        description=_meaning("deterministic_time_limit"),
    )
    repeatable: bool = Field(
        default=True,
        description=_meaning("repeatable"),
    )

    alternatives_tolerance: float = Field(
        default=0.05,
        ge=0,
        lt=1,
        description=_meaning("alternatives_tolerance"),
    )

    # Teams
    assign_everyone: bool = Field(default=False, description=_meaning("assign_everyone"))

    # Rotation
    max_rotations_per_employee: int = Field(
        default=1, ge=0, le=MAX_COUNT, description=_meaning("max_rotations_per_employee")
    )
    stint_periods: int = Field(default=1, ge=1, le=MAX_COUNT, description=_meaning("stint_periods"))
    default_min_on_site: float = Field(
        default=0.8,
        ge=0,
        le=1,
        description=_meaning("default_min_on_site"),
    )
    default_host_capacity: int = Field(
        default=2, ge=0, le=MAX_COUNT, description=_meaning("default_host_capacity")
    )

    # Network analysis
    weak_tie_ratio: float = Field(
        default=0.25,
        ge=0,
        le=MAX_WEIGHT,
        description=_meaning("weak_tie_ratio"),
    )
    zero_tie_gap_weight: float = Field(
        default=3.0,
        gt=0,
        le=MAX_WEIGHT,
        description=_meaning("zero_tie_gap_weight"),
    )
    weak_tie_gap_weight: float = Field(
        default=1.0, ge=0, le=MAX_WEIGHT, description=_meaning("weak_tie_gap_weight")
    )
    betweenness_exact_max: int = Field(
        default=2000,
        ge=1,
        le=MAX_COUNT,
        description=_meaning("betweenness_exact_max"),
    )
    betweenness_samples: int = Field(
        default=500,
        ge=1,
        le=MAX_COUNT,
        description=_meaning("betweenness_samples"),
    )

    # Objective weights
    weight_bridging: float = Field(
        default=10.0,
        ge=0,
        le=MAX_WEIGHT,
        description=_meaning("weight_bridging"),
    )
    weight_diversity: float = Field(
        default=1.0, ge=0, le=MAX_WEIGHT, description=_meaning("weight_diversity")
    )
    weight_balance: float = Field(
        default=1.0,
        ge=0,
        le=MAX_WEIGHT,
        description=_meaning("weight_balance"),
    )
    weight_skill_depth: float = Field(
        default=0.1,
        ge=0,
        le=MAX_WEIGHT,
        description=_meaning("weight_skill_depth"),
    )
    weight_rotation_fairness: float = Field(
        default=1.0,
        ge=0,
        le=MAX_WEIGHT,
        description=_meaning("weight_rotation_fairness"),
    )
    weight_learning: float = Field(
        default=0.1, ge=0, le=MAX_WEIGHT, description=_meaning("weight_learning")
    )
    weight_stability: float = Field(
        default=25.0,
        ge=0,
        le=MAX_WEIGHT,
        description=_meaning("weight_stability"),
    )

    # Wishes and history (the Preferences and History sheets)
    weight_preference: float = Field(
        default=1.0,
        ge=0,
        le=MAX_WEIGHT,
        description=_meaning("weight_preference"),
    )
    repeat_teammates: RepeatPolicy = Field(
        default=RepeatPolicy.AVOID,
        description=_meaning("repeat_teammates"),
    )
    weight_repeat_teammates: float = Field(
        default=5.0,
        ge=0,
        le=MAX_WEIGHT,
        description=_meaning("weight_repeat_teammates"),
    )
    language: Language | None = Field(
        default=None,
        description=_meaning("language"),
    )
    repeat_host: RepeatPolicy = Field(
        default=RepeatPolicy.FORBID,
        description=_meaning("repeat_host"),
    )
    history_periods: int | None = Field(
        default=None,
        ge=0,
        le=MAX_COUNT,
        description=_meaning("history_periods"),
    )
    weight_rotation_history: float = Field(
        default=1.0,
        ge=0,
        le=MAX_WEIGHT,
        description=_meaning("weight_rotation_history"),
    )
    max_programmes_per_employee: int | None = Field(
        default=None,
        ge=1,
        le=MAX_COUNT,
        description=_meaning("max_programmes_per_employee"),
    )
    weight_spread: float = Field(
        default=0.0,
        ge=0,
        le=MAX_WEIGHT,
        description=_meaning("weight_spread"),
    )
    max_meeting_size: int = Field(
        default=25,
        ge=2,
        le=MAX_COUNT,
        description=_meaning("max_meeting_size"),
    )
    ties_factor_calendar: float = Field(
        default=1.0,
        ge=0,
        le=MAX_WEIGHT,
        description=_meaning("ties_factor_calendar"),
    )
    ties_factor_collaboration: float = Field(
        default=1.0,
        ge=0,
        le=MAX_WEIGHT,
        description=_meaning("ties_factor_collaboration"),
    )
    ties_factor_mail: float = Field(
        default=1.0,
        ge=0,
        le=MAX_WEIGHT,
        description=_meaning("ties_factor_mail"),
    )
    ties_factor_projects: float = Field(
        default=1.0,
        ge=0,
        le=MAX_WEIGHT,
        description=_meaning("ties_factor_projects"),
    )
    ties_factor_survey: float = Field(
        default=1.0,
        ge=0,
        le=MAX_WEIGHT,
        description=_meaning("ties_factor_survey"),
    )
    min_group_size: int = Field(
        default=5,
        ge=1,
        le=MAX_COUNT,
        description=_meaning("min_group_size"),
    )

    @field_validator("language", mode="before")
    @classmethod
    def _language_word(cls, value: object) -> object:
        """ "日本語", "Japanese" and "ja" all name Japanese; blank is no choice."""
        if value is None or isinstance(value, Language):
            return value
        return parse_language(value) or value
