#!/usr/bin/env python3
"""Writes the small files of the hostile-input corpus (see README.md beside this script).

Every file is written from the text below, byte for byte, so running it again gives the same
files: zip entries get a fixed date. Big and bomb files are not here: the tests generate them.
"""
import struct
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent
DATE = (2026, 1, 1, 0, 0, 0)
HEADER = "Email,First name,Last name,Description\r\n"


def write(name, data):
    (HERE / name).write_bytes(data)


def csv(name, text, encoding="utf-8", prefix=b""):
    write(name, prefix + text.encode(encoding))


# --- CSV: encodings and line ends -------------------------------------------------------------
csv("bom_quoted_header.csv", '"Email","First name","Last name"\r\n"ada@example.com","Ada","Lovelace"\r\n', prefix=b"\xef\xbb\xbf")
csv("utf16_be.csv", "Email,First name,Last name\r\nakira@example.jp,明,田中\r\n", "utf-16-be", prefix=b"\xfe\xff")
write("only_bom.csv", b"\xef\xbb\xbf")
csv("windows1252_names.csv", "Email;First name;Last name\r\nines@example.es;Inès;García\r\nbjorn@example.no;Bjørn;Ødegård\r\nzoe@example.fr;Zoë;Lefèvre – Œuvre\r\n", "cp1252")
csv("mixed_line_ends.csv", "Email,First name,Last name\r\nada@example.com,Ada,Lovelace\ngrace@example.com,Grace,Hopper\remilie@example.fr,Émilie,du Châtelet\r\n")

# --- CSV: quoting and shape -------------------------------------------------------------------
csv("russell_hills.csv", HEADER + 'ada@example.com,Ada,Lovelace,x\r\nrussell@example.com,"RUSSELL "HILLS,"\r\ngrace@example.com,Grace,Hopper,y\r\n')
csv("ragged_rows.csv", HEADER + "ada@example.com,Ada\r\ngrace@example.com,Grace,Hopper,Admiral,extra,more\r\nemilie@example.fr,Émilie,du Châtelet,Physicist\r\n")
csv("whitespace_rows.csv", HEADER + "   \r\n\t,  , ,\r\nada@example.com,Ada,Lovelace,\r\n \u00a0 \r\n")
csv("duplicated_header.csv", HEADER + HEADER + "ada@example.com,Ada,Lovelace,\r\n")

# --- Cells, as CSV ------------------------------------------------------------------------------
CELLS = [
    ("#N/A", "Na", "Email", ""),
    ("fullwidth\uff20example.com", "Full", "Width", ""),
    ("zero\u200bwidth@example.com", "Zero", "Width", ""),
    ("no\u00a0break@example.com", "No", "Break", ""),
    ("override@example.com", "Evil\u202egnp.exe", "Override", ""),
    ("nul@example.com", "Nul\u0000Byte", "Name", ""),
    ("long@example.com", "Long", "Description", "d" * 40_000),
    ("numbers@example.com", "12", "3.5", "2024-03-15"),
]
csv("cells.csv", HEADER + "".join(",".join(row) + "\r\n" for row in CELLS), prefix=b"\xef\xbb\xbf")

# --- XLSX ---------------------------------------------------------------------------------------
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
PROLOG = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def xlsx(name, sheets, strings=None, prolog=PROLOG, sst_prolog=PROLOG, extra=()):
    """A minimal workbook: one part per sheet (its sheetData), shared strings, no styles."""
    types = ['<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
             '<Default Extension="xml" ContentType="application/xml"/>',
             '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>']
    rels = []
    sheet_list = []
    for i, _ in enumerate(sheets, 1):
        types.append(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
        rels.append(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>')
        sheet_list.append(f'<sheet name="Sheet{i}" sheetId="{i}" r:id="rId{i}"/>')
    if strings is not None:
        types.append('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
        rels.append('<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>')
    parts = {
        "[Content_Types].xml": PROLOG + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' + "".join(types) + "</Types>",
        "_rels/.rels": PROLOG + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": PROLOG + f"<workbook {NS}><sheets>" + "".join(sheet_list) + "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": PROLOG + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + "".join(rels) + "</Relationships>",
    }
    for i, sheet in enumerate(sheets, 1):
        parts[f"xl/worksheets/sheet{i}.xml"] = prolog + f"<worksheet {NS}>{sheet}</worksheet>"
    if strings is not None:
        parts["xl/sharedStrings.xml"] = sst_prolog + f'<sst {NS} count="{len(strings)}" uniqueCount="{len(strings)}">' + "".join(
            f'<si><t xml:space="preserve">{s}</t></si>' for s in strings) + "</sst>"
    parts.update(extra)
    with zipfile.ZipFile(HERE / name, "w", zipfile.ZIP_DEFLATED) as z:
        for part, text in parts.items():
            z.writestr(zipfile.ZipInfo(part, DATE), text, zipfile.ZIP_DEFLATED)


def col(i):
    letters = ""
    while i >= 0:
        letters = chr(65 + i % 26) + letters
        i = i // 26 - 1
    return letters


def inline(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def row(n, *cells):
    return f'<row r="{n}">' + "".join(cells) + "</row>"


def data(*rows):
    return "<sheetData>" + "".join(rows) + "</sheetData>"


HEADER_CELLS = [f'<c r="{col(i)}1" t="s"><v>{i}</v></c>' for i in range(3)]
STRINGS = ["Email", "First name", "Last name", "ada@example.com", "Ada", "Lovelace"]
USER_ROW = row(2, '<c r="A2" t="s"><v>3</v></c>', '<c r="B2" t="s"><v>4</v></c>', '<c r="C2" t="s"><v>5</v></c>')
GOOD = data(row(1, *HEADER_CELLS), USER_ROW)

xlsx("doctype_entities.xlsx", [GOOD], STRINGS,
     sst_prolog=PROLOG + '<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n')
xlsx("doctype_external_entity.xlsx", [data(row(1, *HEADER_CELLS), row(2, inline("A2", "&xxe;"), inline("B2", "Ada"), inline("C2", "Lovelace")))], STRINGS,
     prolog=PROLOG + '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n')
xlsx("shared_string_index_negative.xlsx", [data(row(1, *HEADER_CELLS), row(2, '<c r="A2" t="s"><v>-1</v></c>', '<c r="B2" t="s"><v>4</v></c>', '<c r="C2" t="s"><v>5</v></c>'))], STRINGS)
xlsx("shared_string_index_out_of_range.xlsx", [data(row(1, *HEADER_CELLS), row(2, '<c r="A2" t="s"><v>3</v></c>', '<c r="B2" t="s"><v>99</v></c>', '<c r="C2" t="s"><v>5</v></c>'))], STRINGS)
xlsx("col_min_not_a_number.xlsx", ['<cols><col min="a" max="2" width="12"/></cols>' + GOOD], STRINGS)
xlsx("xfd1_then_last_row.xlsx", [data(row(1, *HEADER_CELLS, inline("XFD1", "far right")), row(1048576, inline("A1048576", "bottom@example.com")))], STRINGS)
xlsx("data_on_second_sheet.xlsx", [data(), GOOD], STRINGS)
with zipfile.ZipFile(HERE / "xlsb_workbook.xlsb", "w", zipfile.ZIP_DEFLATED) as z:
    for part, content in (("[Content_Types].xml", PROLOG + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
                          ("xl/workbook.bin", b"\x83\x01\x00"), ("xl/worksheets/sheet1.bin", b"\x81\x01\x00")):
        z.writestr(zipfile.ZipInfo(part, DATE), content, zipfile.ZIP_DEFLATED)

CELL_STRINGS = ["Email", "First name", "Last name", "Description", "d" * 40_000]
xlsx("cells.xlsx", [data(
    row(1, *[f'<c r="{col(i)}1" t="s"><v>{i}</v></c>' for i in range(4)]),
    row(2, '<c r="A2" t="e"><v>#N/A</v></c>', inline("B2", "Na"), inline("C2", "Email")),
    row(3, inline("A3", "fullwidth\uff20example.com"), inline("B3", "Full"), inline("C3", "Width")),
    row(4, inline("A4", "zero\u200bwidth@example.com"), inline("B4", "Zero"), inline("C4", "Width")),
    row(5, inline("A5", "no\u00a0break@example.com"), inline("B5", "No"), inline("C5", "Break")),
    row(6, inline("A6", "override@example.com"), inline("B6", "Evil\u202egnp.exe"), inline("C6", "Override")),
    row(7, inline("A7", "nul@example.com"), inline("B7", "Nul_x0000_Byte"), inline("C7", "Name")),
    row(8, inline("A8", "long@example.com"), inline("B8", "Long"), inline("C8", "Description"), '<c r="D8" t="s"><v>4</v></c>'),
    row(9, inline("A9", "numbers@example.com"), '<c r="B9"><v>12</v></c>', '<c r="C9"><v>3.5</v></c>', '<c r="D9"><v>45366</v></c>'),
    row(10, inline("A10", "formula@example.com"), '<c r="B10" t="str"><f>UPPER("ann")</f><v>Ann</v></c>', inline("C10", "Formula")),
)], CELL_STRINGS)

# A sheet part whose zip headers declare 100 bytes once inflated, fewer than it has.
xlsx("declared_size_smaller.xlsx", [GOOD], STRINGS)
blob = bytearray((HERE / "declared_size_smaller.xlsx").read_bytes())
name = b"xl/worksheets/sheet1.xml"
for signature, size_at, name_length_at, name_at in ((b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)):
    i = blob.find(signature)
    while i >= 0:
        n = struct.unpack_from("<H", blob, i + name_length_at)[0]
        if blob[i + name_at:i + name_at + n] == name:
            struct.pack_into("<I", blob, i + size_at, 100)
        i = blob.find(signature, i + 4)
write("declared_size_smaller.xlsx", bytes(blob))

# --- Damaged and misnamed real files ------------------------------------------------------------
team_xlsx = (FIXTURES / "team_libreoffice.xlsx").read_bytes()
write("truncated.xlsx", team_xlsx[: len(team_xlsx) // 2])
write("xls_named.xlsx", (FIXTURES / "team_libreoffice.xls").read_bytes())
