"""Communication-network analysis: graphs, gaps, metrics, and a plan's effect on them."""
