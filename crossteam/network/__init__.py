"""Communication-network analysis: graphs, gaps, metrics, and a plan's effect on them.

``analyse(instance)`` gives the ``NetworkReport`` the planners read gap weights from;
``compare(instance, plan)`` the network before and after a plan (their JSON shapes are
``crossteam.json_contract``'s). Formulas: docs/metrics.md.
"""

from crossteam.network.analysis import analyse
from crossteam.network.effect import apply_plan, compare, plan_ties

__all__ = ["analyse", "apply_plan", "compare", "plan_ties"]
