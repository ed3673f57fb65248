"""The bridging part of the objective: a stint from home to host bridges their gap pair,
whose weight the shared model earns once (``ModelContext.add_bridge``)."""

from __future__ import annotations

from collections import defaultdict

from ortools.sat.python import cp_model

from crossteam.models import DepartmentName, pair_key
from crossteam.planner.context import ModelContext
from crossteam.planner.rotation.variables import RotationModel, StintLoad


def add_bridges(rotation: RotationModel, load: StintLoad, ctx: ModelContext) -> None:
    """One bridge literal per (home, host) of a gap pair, true only if a stint goes there."""
    model = ctx.model
    for (home, host), terms in load.home_host.items():
        if pair_key(home, host) in ctx.gap_weights:
            bridge = model.new_bool_var(f"rotation_bridge[{home}|{host}]")
            model.add(sum(terms) >= bridge)
            rotation.bridges[home, host] = bridge
            ctx.add_bridge(home, host, bridge)
    _cap_bridges(rotation, model)


def _cap_bridges(rotation: RotationModel, model: cp_model.CpModel) -> None:
    """Redundant caps the LP cannot see once presolve turns the bridge links into clauses.

    A host holds at most ``host_capacity`` stints at a time, so at most capacity x
    (periods // stint_periods) stints, hence bridges, over the horizon; a home department
    likewise sends at most its release x (periods // stint_periods), and no more than
    its rotatable people x ``max_rotations_per_employee``. Without these the bound stays
    at "every gap pair bridged".
    """
    facts = rotation.facts
    department_by_name = facts.instance.department_by_name
    rotatable: dict[DepartmentName, int] = defaultdict(int)
    for c in rotation.classes:
        rotatable[c.home] += c.size
    into: dict[DepartmentName, list[cp_model.IntVar]] = defaultdict(list)
    out_of: dict[DepartmentName, list[cp_model.IntVar]] = defaultdict(list)
    for (home, host), bridge in rotation.bridges.items():
        into[host].append(bridge)
        out_of[home].append(bridge)
    for (home, host), bridge in rotation.bridges.items():
        # one direction is enough to bridge a pair; the LP must not count both
        if home < host and (host, home) in rotation.bridges:
            model.add(bridge + rotation.bridges[host, home] <= 1)
    for host, bridges in into.items():
        model.add(sum(bridges) <= department_by_name[host].host_capacity * facts.sequential)
    for home, bridges in out_of.items():
        most = min(facts.release[home] * facts.sequential, rotatable[home] * facts.max_stints)
        model.add(sum(bridges) <= most)
