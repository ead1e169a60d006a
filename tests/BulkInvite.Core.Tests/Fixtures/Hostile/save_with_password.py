#!/usr/bin/python3
"""Saves ../team_libreoffice.xlsx as an .xls with a password, through LibreOffice Calc over UNO:

    soffice --headless --accept="socket,host=127.0.0.1,port=2002;urp;" &
    /usr/bin/python3 save_with_password.py

(Debian's python3-uno). Writes password_protected.xls ("MS Excel 97" filter), encrypted with the password "secret".
(Calc 7.4 driven this way wrote the xlsx filter's output unencrypted, so the corpus has the xls.)
"""
import time
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


here = Path(__file__).resolve().parent
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
for _ in range(60):
    try:
        context = resolver.resolve("uno:socket,host=127.0.0.1,port=2002;urp;StarOffice.ComponentContext")
        break
    except Exception:
        time.sleep(1)
desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
document = desktop.loadComponentFromURL((here.parent / "team_libreoffice.xlsx").as_uri(), "_blank", 0, (prop("Hidden", True),))
document.storeToURL((here / "password_protected.xls").as_uri(), (prop("FilterName", "MS Excel 97"), prop("Password", "secret")))
document.close(True)
