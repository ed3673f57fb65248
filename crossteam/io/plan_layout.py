"""Names of the plan workbook's sheets and columns, shared by its writer and its reader.

The contract fixes Teams (team, employee_id, name, department, role) and Rotation
(employee_id, name, home_department, then one column per period); the rest is ours.
These are the canonical (English) names: a sheet or header is shown through
``i18n.name`` and read back in either language through ``i18n.names``.
"""

from __future__ import annotations

from typing import Final

from crossteam import i18n
from crossteam.i18n.catalogue import MESSAGES
from crossteam.models.review import REVIEW_SHEET, Decision

SUMMARY: Final = "Summary"
TEAMS: Final = "Teams"
TEAM_OVERVIEW: Final = "Team Overview"  # not shown: i18n.name shows it
ROTATION: Final = "Rotation"
CONNECTIVITY: Final = "Connectivity"
GAPS: Final = "Gaps"
CHECKS: Final = "Checks"
REVIEW: Final = REVIEW_SHEET
CHANGES: Final = "Changes"
RUN_INFO: Final = "Run Info"  # not shown: i18n.name shows it
INPUT_BASIS: Final = "Input Basis"  # not shown: i18n.name shows it
"""Hidden: what the plan was planned on, to tell what a later input changed."""
ALTERNATIVES: Final = "Alternatives"
ALTERNATIVE_TEAMS: Final = "Alternative Teams"  # not shown: i18n.name shows it
PREFERENCES: Final = "Preferences"
"""Only when the input has wishes (its own Preferences sheet)."""

TEAMS_COLUMNS: Final = (
    "team",
    "employee_id",
    "name",
    "department",
    "role",
    "skills_covered",
    "departments_connected",
)
ROTATION_COLUMNS: Final = ("employee_id", "name", "home_department")
"""Then one column per period, headed by its label."""
PREFERENCES_COLUMNS: Final = (
    "employee_id",
    "name",
    "department",
    "kind",
    "wishes",
    "got",
    "rank_got",
)
"""One row per person and kind of wish: wishes "1 Sales; 2 Development", what the plan
gives of that kind and the best rank among it."""
REVIEW_COLUMNS: Final = (
    "kind",
    "team",
    "period",
    "host_department",
    "employee_id",
    "name",
    "department",
    "decision",
    "comment",
)
REVIEW_MARKS: Final = ("employee_id", "decision")
"""The Review table's header is the first row holding these (instructions stand above it)."""
DECISIONS: Final = tuple(d.value for d in Decision)
CHANGES_COLUMNS: Final = (
    "employee_id",
    "name",
    "kind",
    "change",
    "before",
    "after",
    "reason",
    "comment",
)
"""The Changes sheet of a re-plan: one row per employee and kind that moved, with the
comment of the manager's decision on it."""
INPUT_CHANGES_COLUMNS: Final = ("sheet", "change", "count", "which")
"""Beside the changes: how the input changed since the previous plan, one row per kind."""
BASIS_EMPLOYEE_COLUMNS: Final = (
    "employee_id",
    "department",
    "available",
    "rotation_eligible",
    "details",
)
BASIS_ITEM_COLUMNS: Final = ("part", "key", "fingerprint")
ALTERNATIVES_COLUMNS: Final = (
    "alternative",
    "objective",
    "share_of_best",
    "within_tolerance",
    "differs_enough",
    "checks",
    "silent_pairs_bridged",
    "departments_per_team",
    "attempts",
    "barred_share",
)
"""Then one column per plan, ``difference_to_N``: the share of team assignments that differ."""
ALTERNATIVE_TEAMS_COLUMNS: Final = (
    "alternative",
    "team",
    "employee_id",
    "name",
    "department",
    "role",
)


_RUN_INFO_KEY: Final = "plan_sheets.runinfo."


def run_info_label(field: str) -> str:
    """How Run Info labels ``field``: the field's own name in English, words in Japanese
    (a field the catalogue does not know yet keeps its name)."""
    if _RUN_INFO_KEY + field not in MESSAGES:
        return field
    return i18n.t(f"plan_sheets.runinfo.{field}")


def run_info_field(label: str) -> str:
    """The field a Run Info ``label`` of either language names (the label when none)."""
    text = label.strip()
    return _RUN_INFO_FIELDS.get(text, text)


_RUN_INFO_FIELDS: Final = {
    spelling: key.removeprefix(_RUN_INFO_KEY)
    for key, text in MESSAGES.items()
    if key.startswith(_RUN_INFO_KEY)
    for spelling in (text.en, text.ja)
    if "{" not in spelling
}
"""Run Info label, in either language -> its field."""
