"""Building the Interactions sheet from the data companies keep (``crossteam ties``).

``models.people`` matches a source's addresses, ids and names to employees; the readers of
``crossteam.io.sources`` stream ``Evidence`` from each file; ``collect`` turns evidence
into ties (windows, half-life, per-source normalisation, minimum weight, merge).
"""
