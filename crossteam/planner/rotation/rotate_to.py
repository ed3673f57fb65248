"""The Rules sheet's rotate_to rules: a stint in the named department.

The other rotation rules of the Rules sheet act before the model: ``not_rotate_to``
takes the host out of the employee's class (``classes``), ``no_rotation`` leaves the
employee out of every class (``RotationFacts.can_rotate``).
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from crossteam import i18n
from crossteam.planner.rotation.variables import RotationModel


def add_rotate_to(rotation: RotationModel, model: cp_model.CpModel) -> None:
    """Each rotate_to rule sends its employee to its host, or cannot hold at all."""
    classes = rotation.classes
    # a rule's employee is a class of one, or in no class when they cannot rotate at all
    class_of = {c.members[0]: i for i, c in enumerate(classes) if c.required_hosts}
    for employee, hosts in sorted(rotation.facts.must_visit.items()):
        for host in sorted(hosts):
            words = i18n.t("checks.group.rotate_to", employee=employee, host=host)
            index = class_of.get(employee, -1)
            if index >= 0 and host in classes[index].hosts:
                rule = model.add(rotation.sent[index, host] >= 1)
            else:
                rule = model.add_bool_or([])
            rule.only_enforce_if(rotation.rule_groups(words))
