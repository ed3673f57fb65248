"""``python -m crossteam`` runs the command line."""

from crossteam.cli import main

main()
