"""Run settings with documented defaults; the Settings sheet overrides any of them."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

from crossteam.i18n import Language, parse_language
from crossteam.models.limits import MAX_COUNT, MAX_SECONDS, MAX_SEED, MAX_WEIGHT


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
        description="Wall-clock limit of one solve, in seconds",
    )
    random_seed: int = Field(
        default=0, ge=0, le=MAX_SEED, description="Seed of the solver and generators"
    )
    workers: int = Field(
        default=0,
        ge=0,
        description="Solver threads; 0 means one per CPU core, and more than the cores are "
        "reduced to them",
    )
    deterministic_time_limit: float | None = Field(
        default=None,
        gt=0,
        le=MAX_SECONDS,
        description=(
            "Optional limit of the search in the solver's deterministic time units (its "
            "measure of work); when blank, a repeatable run takes a tenth of a unit per "
            "second of time_limit_seconds"
        ),
    )
    repeatable: bool = Field(
        default=True,
        description=(
            "The same input and settings give the same plan on the same machine: the "
            "search is bounded by work and its workers interleave deterministically, with "
            "time_limit_seconds as a safety net; no lets the search run free on the clock "
            "(plans may differ from run to run)"
        ),
    )

    alternatives_tolerance: float = Field(
        default=0.05,
        ge=0,
        lt=1,
        description=(
            "With --alternatives: how far below the best plan's objective an alternative "
            "may fall, as a share of it"
        ),
    )

    # Teams
    assign_everyone: bool = Field(
        default=False, description="Every available employee must join a team"
    )

    # Rotation
    max_rotations_per_employee: int = Field(
        default=1, ge=0, le=MAX_COUNT, description="Most rotation stints one employee may do"
    )
    stint_periods: int = Field(
        default=1, ge=1, le=MAX_COUNT, description="Consecutive periods a stint lasts, in one host"
    )
    default_min_on_site: float = Field(
        default=0.8,
        ge=0,
        le=1,
        description="Share of a department's headcount that stays home in every period",
    )
    default_host_capacity: int = Field(
        default=2, ge=0, le=MAX_COUNT, description="Most rotators a department hosts in one period"
    )

    # Network analysis
    weak_tie_ratio: float = Field(
        default=0.25,
        ge=0,
        le=MAX_WEIGHT,
        description=(
            "A department pair is weak when its tie density is below this share of the "
            "organisation's overall between-department density"
        ),
    )
    zero_tie_gap_weight: float = Field(
        default=3.0,
        gt=0,
        le=MAX_WEIGHT,
        description="Gap weight of a department pair with no tie at all",
    )
    weak_tie_gap_weight: float = Field(
        default=1.0, ge=0, le=MAX_WEIGHT, description="Gap weight of a weakly tied department pair"
    )
    betweenness_exact_max: int = Field(
        default=2000,
        ge=1,
        le=MAX_COUNT,
        description="Largest graph (people) for exact betweenness; sampled beyond",
    )
    betweenness_samples: int = Field(
        default=500,
        ge=1,
        le=MAX_COUNT,
        description="Pivot samples for betweenness on large graphs",
    )

    # Objective weights
    weight_bridging: float = Field(
        default=10.0,
        ge=0,
        le=MAX_WEIGHT,
        description="Per unit of gap weight of each department pair bridged",
    )
    weight_diversity: float = Field(
        default=1.0, ge=0, le=MAX_WEIGHT, description="Per distinct department in a team"
    )
    weight_balance: float = Field(
        default=1.0,
        ge=0,
        le=MAX_WEIGHT,
        description="Multiplier of the soft Balance rules' weights",
    )
    weight_skill_depth: float = Field(
        default=0.1,
        ge=0,
        le=MAX_WEIGHT,
        description="Per skill level above a team's minimum that it covers",
    )
    weight_rotation_fairness: float = Field(
        default=1.0,
        ge=0,
        le=MAX_WEIGHT,
        description="Per department that sends at least one rotator",
    )
    weight_learning: float = Field(
        default=0.1, ge=0, le=MAX_WEIGHT, description="Per host skill that is new to the rotator"
    )
    weight_stability: float = Field(
        default=25.0,
        ge=0,
        le=MAX_WEIGHT,
        description=(
            "With --previous or --review: cost of each team assignment or rotation stint "
            "gained or lost against the previous plan (a move is both)"
        ),
    )

    # Wishes and history (the Preferences and History sheets)
    weight_preference: float = Field(
        default=1.0,
        ge=0,
        le=MAX_WEIGHT,
        description=(
            "Per rank point of a granted wish: a choice of rank r earns (R + 1 - r) points, "
            "R the largest rank given for that kind, so a first choice among three is worth "
            "3, a tenth of one silent department pair bridged (30 by default)"
        ),
    )
    repeat_teammates: RepeatPolicy = Field(
        default=RepeatPolicy.AVOID,
        description=(
            "People who were teammates in History: forbid (never in one team again), avoid "
            "(each repeated pair costs weight_repeat_teammates) or allow"
        ),
    )
    weight_repeat_teammates: float = Field(
        default=5.0,
        ge=0,
        le=MAX_WEIGHT,
        description="With repeat_teammates avoid: cost of each pair of earlier teammates "
        "in one team again, per earlier team they shared",
    )
    language: Language | None = Field(
        default=None,
        description=(
            "ja or en (also 日本語, English): the language of the plan workbook, its pictures "
            "and messages; blank: the workbook's own (Japanese when most sheet names are)"
        ),
    )
    repeat_host: RepeatPolicy = Field(
        default=RepeatPolicy.FORBID,
        description=(
            "forbid: nobody rotates to a department they visited in History; allow: they "
            "may (avoid is read as allow)"
        ),
    )
    history_periods: int | None = Field(
        default=None,
        ge=0,
        le=MAX_COUNT,
        description=(
            "How many of the latest History periods count, for teams and for rotation "
            "each; blank means all"
        ),
    )
    weight_rotation_history: float = Field(
        default=1.0,
        ge=0,
        le=MAX_WEIGHT,
        description=(
            "Fairness over History: per stint of a person, up to this much the fewer "
            "stints they did in History, and per sending department, up to this much the "
            "fewer rotators per head it sent"
        ),
    )
    max_programmes_per_employee: int | None = Field(
        default=None,
        ge=1,
        le=MAX_COUNT,
        description=(
            "Most programmes one person takes in a plan (a team and a rotation count one "
            "each); blank means no limit"
        ),
    )
    weight_spread: float = Field(
        default=0.0,
        ge=0,
        le=MAX_WEIGHT,
        description=(
            "Cost of each person given both a team and a rotation, so that programmes go "
            "to people with none first; 0 (the default) leaves it out, as above 0 it plans "
            "everyone who could take both one by one (slower on large companies)"
        ),
    )

    @field_validator("language", mode="before")
    @classmethod
    def _language_word(cls, value: object) -> object:
        """ "日本語", "Japanese" and "ja" all name Japanese; blank is no choice."""
        if value is None or isinstance(value, Language):
            return value
        return parse_language(value) or value
