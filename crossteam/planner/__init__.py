"""CP-SAT planners for teams and rotations, and the solver-independent checker."""
