#!/usr/bin/env python3
"""Writes the column-mapping fixtures that are not written by a spreadsheet program (see README.md).

    python3 make_column_fixtures.py [GEOMETRY_XLSX]

Without an argument it writes the three CSV files. With the path of readxl's extdata/geometry.xlsx
(from Debian's r-cran-readxl 1.4.2-1: `apt-get download r-cran-readxl`, `dpkg-deb -x`), it also
derives excel_mac_reordered.xlsx from that Excel-written workbook: only the twelve strings of
xl/sharedStrings.xml are replaced; every other part is copied byte for byte, in the same order,
with the same names, dates and compression method.
"""
import sys
import zipfile
from xml.sax.saxutils import escape

TEAM = [
    ("ines.garcia@example.es", "Inès", "García", "Reviewer, Madrid"),
    ("bjorn.olsen@example.no", "Bjørn", "Olsen", "42"),
    ("not-an-email", "Bad", "Address", ""),
    ("akira.tanaka@example.jp", "Akira", "Tanaka", "Annotator"),
    ("marie.curie@example.fr", "Marie", "Curie", "Équipe « vision »"),
]


def write_csvs():
    # Excel (French locale), "CSV (séparateur: point-virgule)": Windows-1252, ';', CRLF, a final line end.
    lines = ["Courriel;Prénom;Nom"] + [f"{e};{f};{l}" for e, f, l, _ in TEAM]
    with open("columns_french_excel_semicolon.csv", "wb") as out:
        out.write(("\r\n".join(lines) + "\r\n").encode("cp1252"))

    # A sep=; line first, as exports meant for Excel write it, then ';'-separated UTF-8 with CRLF.
    # Not honoured, that line would be read as a header of "sep=".
    lines = ["sep=;", "Email;First name;Last name;Description"] + [";".join(t) for t in TEAM]
    with open("sep_semicolon.csv", "wb") as out:
        out.write(("\r\n".join(lines) + "\r\n").encode("utf-8"))

    # The dialect Google Sheets' "Download > CSV" is understood to use (UTF-8 without BOM, comma,
    # CRLF, quotes only where needed, no line end after the last row); NOT written by Google Sheets.
    def quote(v):
        return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\r\n') else v
    rows = [("First name", "Last name", "Email address", "Notes", "Phone")] + [
        (f, l, e, d, "+47 555 0100" if i == 1 else "") for i, (e, f, l, d) in enumerate(TEAM)]
    with open("columns_google_sheets_dialect.csv", "wb") as out:
        out.write("\r\n".join(",".join(quote(v) for v in r) for r in rows).encode("utf-8"))


# B3:D6 of geometry.xlsx are the shared strings 0..11 in row order: a header on row 3 (from column B),
# three users below it.
EXCEL_STRINGS = [
    "First name", "Last name", "E-mail",
    "Inès", "García", "ines.garcia@example.es",
    "Bad", "Address", "not-an-email",
    "Marie", "Curie", "marie.curie@example.fr",
]


def derive_excel(geometry):
    with zipfile.ZipFile(geometry) as source, zipfile.ZipFile("excel_mac_reordered.xlsx", "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/sharedStrings.xml":
                old = data.decode("utf-8")
                head = old[: old.index("<si>")]
                tail = old[old.rindex("</si>") + len("</si>"):]
                assert old.count("<si>") == len(EXCEL_STRINGS)
                data = (head + "".join(f"<si><t>{escape(s)}</t></si>" for s in EXCEL_STRINGS) + tail).encode("utf-8")
            target.writestr(info, data, compress_type=info.compress_type)


if __name__ == "__main__":
    write_csvs()
    if len(sys.argv) > 1:
        derive_excel(sys.argv[1])
