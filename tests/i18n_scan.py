"""Finds words built outside the message catalogue, and the catalogue keys the code uses.

Run as ``python tests/i18n_scan.py [FILE...]`` to list the English phrases still written
in code (every file of the package when none is given).

A phrase is a string literal or f-string, not a docstring, holding two English words
side by side ("must be", "no plan"); the catalogue (``crossteam/i18n``) and the
generator's name lists (``crossteam/synthetic/catalogue.py``) are data, not scanned. A
line may say why its literal is not shown to a user with a ``# not shown: WHY`` comment
(an internal error, a key of JSON, a format code, a solver parameter).
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "crossteam"
NOT_SCANNED = ("i18n", "synthetic/catalogue.py")
PRAGMA = "# not shown"
_PHRASE = re.compile(r"[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}")


def package_files() -> list[Path]:
    return sorted(
        path
        for path in PACKAGE.rglob("*.py")
        if not any(path.relative_to(PACKAGE).as_posix().startswith(n) for n in NOT_SCANNED)
    )


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            found.add(id(node.value))  # module, class, function and attribute docstrings
    return found


def phrases(path: Path) -> Iterator[tuple[int, str]]:
    """Each (line, text) of ``path`` that writes an English phrase outside the catalogue."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    skipped = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            skipped.update(id(part) for part in node.values)
        elif isinstance(node, ast.Call) and _called(node) in CATALOGUE_CALLS:
            skipped.update(id(argument) for argument in node.args)  # keys, nouns, names
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        elif isinstance(node, ast.JoinedStr):
            text = "".join(p.value for p in node.values if isinstance(p, ast.Constant))
        else:
            continue
        end = getattr(node, "end_lineno", node.lineno) or node.lineno
        marked = any(PRAGMA in lines[n - 1] for n in range(node.lineno, end + 1))
        if _PHRASE.search(str(text)) and not marked:
            yield node.lineno, str(text)


CATALOGUE_CALLS = frozenset({"t", "counted", "name", "names"})
"""The catalogue's functions: their arguments are keys and names, not words."""


def _called(call: ast.Call) -> str | None:
    function = call.func
    if isinstance(function, ast.Attribute):
        return function.attr
    return function.id if isinstance(function, ast.Name) else None


def used_keys() -> tuple[set[str], set[str], dict[str, set[str]]]:
    """The catalogue keys the code names literally, the prefixes of keys it builds
    (``t(f"checks.rule.{rule}")``), and the nouns and names by the function naming them."""
    literal: set[str] = set()
    prefixes: set[str] = set()
    by_function: dict[str, set[str]] = {"counted": set(), "name": set()}
    for path in package_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            function = node.func
            called = (
                function.attr
                if isinstance(function, ast.Attribute)
                else getattr(function, "id", None)
            )
            first = node.args[0] if called != "counted" else node.args[-1]
            if called == "t":
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    literal.add(first.value)
                elif isinstance(first, ast.JoinedStr) and isinstance(first.values[0], ast.Constant):
                    prefixes.add(str(first.values[0].value))
            elif (
                called in by_function
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
                by_function[called].add(first.value)
    return literal, prefixes, by_function


def main(arguments: list[str]) -> int:
    files = [Path(a).resolve() for a in arguments] or package_files()
    count = 0
    for path in files:
        for line, text in phrases(path):
            count += 1
            print(f"{path.relative_to(PACKAGE.parent)}:{line}: {text[:90]!r}")
    print(f"{count} phrases outside the catalogue")
    return 1 if count else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
