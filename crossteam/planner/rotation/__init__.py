"""Job-rotation stints in the shared CP-SAT model: who spends which periods in which host.

Who goes where is an integer count per class of interchangeable employees (same home,
same critical skills held, same personal rules) and host; when they go is an integer
count of stints of ``stint_periods`` periods per timing group (same home and critical
skills), host and start. The counts decompose into people exactly with one stint per
person, and with several one-period stints per person; several longer stints per person
make every employee a group of one. See ``docs/rotation.md``.

The modules: ``facts`` (what is read from the instance), ``classes`` (classes and timing
groups), ``variables`` (the variable container, ``extract`` and ``hint``), one module per
rule (``stints``, ``rotate_to``, ``host_capacity``, ``min_on_site``, ``critical_skills``)
and per objective part (``bridges``, ``fairness``, ``learning``), ``hint`` (the greedy
start), ``share_out`` (who takes which counted stint), and ``build``, which adds them to the
model in order. Its pre-checks sit beside the teams' in ``planner/prechecks/rotation.py``.
"""

from crossteam.planner.rotation.build import build_rotation, explain_rotation_assumptions
from crossteam.planner.rotation.classes import RotatorClass, TimingGroup
from crossteam.planner.rotation.facts import (
    RotationFacts,
    RotationReach,
    required_on_site,
    rotation_facts,
    rotation_reach,
)
from crossteam.planner.rotation.hint import hint_counts, hint_rotation
from crossteam.planner.rotation.share_out import StintStay, balanced_colouring
from crossteam.planner.rotation.variables import RotationModel

__all__ = [
    "RotationFacts",
    "RotationModel",
    "RotationReach",
    "RotatorClass",
    "StintStay",
    "TimingGroup",
    "balanced_colouring",
    "build_rotation",
    "explain_rotation_assumptions",
    "hint_counts",
    "hint_rotation",
    "required_on_site",
    "rotation_facts",
    "rotation_reach",
]
