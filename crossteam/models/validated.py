"""A copy of a frozen model with some fields changed, validated again as a new one would be."""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel

ModelT = TypeVar("ModelT", bound=BaseModel)


def validated_copy(model: ModelT, **changes: object) -> ModelT:
    """``model`` with ``changes``, validated again by its own class: field constraints and
    model validators (a PlanningInput's cross-references) run on the result, and a
    pydantic ``ValidationError`` names what the changes broke. ``model_copy(update=...)``
    checks nothing; this is the one way to make a changed instance that is known valid.
    Unchanged nested models are taken as they are (they were validated when made)."""
    fields = {name: getattr(model, name) for name in type(model).model_fields}
    return type(model).model_validate({**fields, **changes})
