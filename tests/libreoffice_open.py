"""Open a workbook in LibreOffice with a password, through UNO, and print its sheet names.

Run by the system Python that has LibreOffice's ``uno`` module (``/usr/bin/python3``), not
by the test's: ``python3 libreoffice_open.py WORKBOOK PROFILE_DIR``, the password in the
environment variable ``LO_PASSWORD`` (never on the command line). Prints one JSON object:
``{"sheets": [...], "first_cells": {sheet: A1 text}}``; exit 1 when LibreOffice could not
open the file (a wrong password among others).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def _property(name: str, value: object) -> object:
    prop = PropertyValue()
    prop.Name = name
    prop.Value = value
    return prop


def main() -> int:
    workbook, profile = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    pipe = f"crossteam_{os.getpid()}"
    office = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--norestore",
            f"-env:UserInstallation={profile.as_uri()}",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # soffice starts soffice.bin: one group to end them both
    )
    desktop = None
    try:
        resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", uno.getComponentContext()
        )
        context = None
        for _ in range(600):
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.1)
        if context is None:
            print(json.dumps({"error": "no connection"}))
            return 2
        desktop = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", context
        )
        props = (
            _property("Hidden", True),
            _property("ReadOnly", True),
            _property("Password", os.environ["LO_PASSWORD"]),
        )
        try:
            document = desktop.loadComponentFromURL(workbook.as_uri(), "_blank", 0, props)
        except Exception as error:
            print(json.dumps({"error": type(error).__name__}))
            return 1
        if document is None:
            print(json.dumps({"error": "not opened"}))
            return 1
        sheets = document.Sheets
        names = list(sheets.ElementNames)
        first = {name: sheets.getByName(name).getCellByPosition(0, 0).String for name in names}
        print(json.dumps({"sheets": names, "first_cells": first}, ensure_ascii=False))
        document.close(True)
        return 0
    finally:
        if desktop is not None:
            with contextlib.suppress(Exception):  # it may be gone already
                desktop.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            office.wait(timeout=20)
        with contextlib.suppress(ProcessLookupError):  # what is left of the office, if any
            os.killpg(office.pid, signal.SIGKILL)
        office.wait()


if __name__ == "__main__":
    sys.exit(main())
