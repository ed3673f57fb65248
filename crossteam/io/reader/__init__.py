"""Reading an input workbook into a validated ``PlanningInput``, collecting every problem.

The reader never stops at the first problem: each sheet is read completely, each bad
cell becomes a ``Problem`` naming sheet, row, column and cell in an HR planner's words,
and cross-sheet references are checked against what the other sheets define. An
instance is returned only when no error was found.

One module per sheet (``employees``, ``skills``, ``departments``, ``interactions``,
``priorities``, ``teams`` with TeamSkills, ``periods``, ``balance``, ``rules``,
``preferences``, ``history``, ``settings``) reads it into the shared ``context.Reading``;
``layout`` finds sheets and headers, ``table`` gives typed access to rows, ``references``
resolves names one sheet takes from another, ``instance`` builds the result and
``workbook`` runs the steps.

Choices made where the contract is silent:

- An Employees column that is not in the contract is kept as an employee attribute
  (for Balance rules) and warned about only when no Balance rule uses it.
- A repeated Priorities pair is an error (two weights for one pair is ambiguous);
  repeated Interactions pairs add up, as the contract says.
- A repeated (employee, skill) keeps the higher level, with a warning.
- A team may be named on TeamSkills and Rules by its spec name (every team of the
  spec; for ``in_team``, any one of them) or by one expanded name such as ``Ops-2``.
- Reading a sheet stops after 1,000 consecutive empty rows, with a warning.
- Names also match with their separators left out ("EmployeeID", "teamskills").
- A sheet outside the contract is warned about, except a notes sheet (Instructions) and
  the template's Examples sheet, which are never read.
- A row of Employees equal to one of the template's example employees (``schema``
  examples: E001 Sato Hana...) is an error, and while one is there so is every other
  sheet's example among its first rows: an older template kept its examples right under
  the headers, and a company filled in below them would otherwise be planned with them.
- When a sheet is missing or lacks a required column, references to what it would
  define are not checked: each would fail for the one reason already reported.
- A team ``count`` above the number of employees is an error.
- Every id and name is read through ``text.clean`` (NFKC, invisible characters removed,
  spaces collapsed): spellings that differ only there are one name. Spellings that differ
  only in case or look-alike letters (``text.fold``) are an error for employee ids; for
  departments, skills and the values of attributes a Balance rule uses (typed again on
  every row, so one thing is meant) they are merged into the most common spelling, with
  a warning naming both cells; teams and periods (one row each, so two rows mean two
  things) are kept apart, with a warning.
- A reference that fails only because a cell that would define it is blank or unreadable
  (an Employees row without its id, say) is marked as following from that cell, and its
  repeats are folded into one problem.
- A rotation wish that can never be granted (one's own department, a department that
  hosts nobody, a person not rotation_eligible or not available) is kept, with a warning;
  team wishes without a Teams sheet are left out, with a warning.
- History rows of employees not on Employees are left out with one warning for the
  sheet (people leave); their History targets are not checked (teams are re-formed,
  departments renamed). Period labels are ordered by date when every one is a date,
  else as they first appear.
- Rows Excel hides (by hand or by a filter) are read like the others, with a warning.
- Numbers keep to the ranges of ``crossteam.models.limits`` (docs/workbook.md#ranges). A
  size or capacity above the number of employees (``max_size``, ``max_per_department``,
  ``host_capacity``, ``default_host_capacity``) is reduced to it with a warning at its cell:
  it limits nothing beyond that. A minimum above it (``min_size``, ``min_count``) is a
  warning there too (a workbook being filled in may lack people yet); a plan explains it
  before the solver starts. An Interactions pair's weights add up to at most
  ``MAX_TIE_WEIGHT``; weights large enough for the objective to pass ``OBJECTIVE_LIMIT``
  are an error at the largest weight of the part that grows most.
"""

from crossteam.io.reader.instance import ReadResult
from crossteam.io.reader.workbook import load_workbook, read_workbook

__all__ = ["ReadResult", "load_workbook", "read_workbook"]
