"""Communication-network analysis: graphs, gaps, metrics, and a plan's effect on them.

``analyse(instance)`` gives the ``NetworkReport`` the planners read gap weights from;
``compare(instance, plan)`` the network before and after a plan; ``audit_json`` and
``effect_json`` the contract's JSON shapes. Formulas: docs/metrics.md.
"""

from crossteam.network.analysis import analyse
from crossteam.network.effect import apply_plan, compare, plan_ties
from crossteam.network.export import audit_json, effect_json

__all__ = ["analyse", "apply_plan", "audit_json", "compare", "effect_json", "plan_ties"]
