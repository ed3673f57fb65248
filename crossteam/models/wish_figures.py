"""How far a plan granted people's wishes: per person and kind, and the figures over them.

``crossteam.checks.preferences`` computes them from the Preferences sheet and the plan
alone; the plan workbook (Preferences sheet, Summary) and ``plan --json`` show them.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from crossteam.models.wishes import EmployeeId, ProgrammeKind


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RankedWish(_Frozen):
    """One wish as the person wrote it: ``rank`` for ``target`` (a department, team or
    spec)."""

    rank: int
    target: str


class WishOutcome(_Frozen):
    """One person's wishes of one kind and what the plan gave them.

    ``got`` is what the plan gives of that kind (host departments in period order, or the
    team), whether ranked or not; ``rank_got`` the best rank among them that the person
    gave, ``None`` when none of it was ranked or nothing was given.
    """

    employee_id: EmployeeId
    kind: ProgrammeKind
    wishes: tuple[RankedWish, ...]
    """In rank order."""
    got: tuple[str, ...] = ()
    rank_got: int | None = None


class WishFigures(_Frozen):
    """The figures of one kind over the people who ranked something of it.

    ``ranked`` counts the people placed in the programme (rotators with at least one
    stint; team members) who ranked something of the kind; the counts after it are among
    them. ``mean_rank`` is the mean of the best rank granted among those granted any
    ranked choice (``None`` when nobody was). ``not_placed`` counts who ranked but is not
    placed (does not rotate; is in no team).
    """

    kind: ProgrammeKind
    ranked: int = 0
    first_choice: int = 0
    top_two: int = 0
    any_choice: int = 0
    mean_rank: float | None = None
    not_placed: int = 0

    def share(self, count: int) -> float | None:
        """``count`` as a share of ``ranked``, ``None`` when nobody ranked."""
        return round(count / self.ranked, 4) if self.ranked else None

    def as_json(self) -> dict[str, int | float | None]:
        """The figures with their shares, as ``plan --json``'s ``preferences`` holds them."""
        return {
            "ranked": self.ranked,
            "first_choice": self.first_choice,
            "first_choice_share": self.share(self.first_choice),
            "top_two": self.top_two,
            "top_two_share": self.share(self.top_two),
            "any_choice": self.any_choice,
            "any_choice_share": self.share(self.any_choice),
            "mean_rank": self.mean_rank,
            "not_placed": self.not_placed,
        }


class WishReport(_Frozen):
    """The plan against the Preferences sheet: the figures of each kind, and every
    person's outcome (people with wishes of a kind only, in Employees order, rotation
    first)."""

    rotation: WishFigures = WishFigures(kind=ProgrammeKind.ROTATION)
    team: WishFigures = WishFigures(kind=ProgrammeKind.TEAM)
    people: tuple[WishOutcome, ...] = ()

    def as_json(self) -> dict[str, dict[str, int | float | None]]:
        return {"rotation": self.rotation.as_json(), "team": self.team.as_json()}
