"""What can be told before any model is built: plain-language reasons, found by cheap
counting, why no plan can exist (``check_teams_possible``, ``precheck_rotation``), and rules
or settings that are most likely a slip (``team_rule_warnings``, ``rotation_warnings``).

``teams`` checks the teams' rules, ``rotation`` the rotation's; an empty list means nothing
obvious is wrong (the solver may still prove that no plan exists).
"""

from crossteam.planner.prechecks.rotation import precheck_rotation, rotation_warnings
from crossteam.planner.prechecks.teams import check_teams_possible, team_rule_warnings

__all__ = ["check_teams_possible", "precheck_rotation", "rotation_warnings", "team_rule_warnings"]
