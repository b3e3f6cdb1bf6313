"""The parts of an xlsx package around the rows ``xlsx.py`` writes (ECMA-376 part 1).

Content types, relationships, the workbook part with its sheets and defined names (autofilter,
print titles), the one style sheet every export uses, and the document properties. Kept apart
from the writer so that ``xlsx.py`` reads as what it does with rows; no formula is ever written
here either.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_TYPE = "application/vnd.openxmlformats-officedocument"

STYLES = (
    XML_HEAD + f'<styleSheet xmlns="{MAIN_NS}">'
    '<numFmts count="5">'
    '<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'
    '<numFmt numFmtId="165" formatCode="dd/mm/yyyy hh:mm"/>'
    '<numFmt numFmtId="166" formatCode="#,##0.00&quot; €&quot;"/>'
    '<numFmt numFmtId="167" formatCode="0.0"/>'
    '<numFmt numFmtId="168" formatCode="0.0%"/>'
    "</numFmts>"
    '<fonts count="3">'
    '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="12"/><name val="Calibri"/><family val="2"/></font>'
    "</fonts>"
    '<fills count="3">'
    '<fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFDDE7F0"/><bgColor indexed="64"/>'
    "</patternFill></fill>"
    "</fills>"
    '<borders count="2">'
    "<border><left/><right/><top/><bottom/><diagonal/></border>"
    '<border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/>'
    "</border>"
    "</borders>"
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="9">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1"'
    ' applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>'
    '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="168" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '<dxfs count="0"/>'
    '<tableStyles count="0" defaultTableStyle="TableStyleMedium9"'
    ' defaultPivotStyle="PivotStyleLight16"/>'
    "</styleSheet>"
)


def content_types(sheet_count: int) -> str:
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml"'
        f' ContentType="{OFFICE_TYPE}.spreadsheetml.worksheet+xml"/>'
        for n in range(1, sheet_count + 1)
    )
    return (
        XML_HEAD
        + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels"'
        ' ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml"'
        f' ContentType="{OFFICE_TYPE}.spreadsheetml.sheet.main+xml"/>'
        f"{sheets}"
        '<Override PartName="/xl/styles.xml"'
        f' ContentType="{OFFICE_TYPE}.spreadsheetml.styles+xml"/>'
        '<Override PartName="/docProps/core.xml"'
        ' ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml"'
        f' ContentType="{OFFICE_TYPE}.extended-properties+xml"/>'
        "</Types>"
    )


PACKAGE_RELS = (
    XML_HEAD + f'<Relationships xmlns="{PACKAGE_REL_NS}">'
    f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
    '<Relationship Id="rId2"'
    ' Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
    'core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{REL_NS}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)


def workbook_rels(sheet_count: int) -> str:
    sheets = "".join(
        f'<Relationship Id="rId{n}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, sheet_count + 1)
    )
    return (
        XML_HEAD + f'<Relationships xmlns="{PACKAGE_REL_NS}">{sheets}'
        f'<Relationship Id="rId{sheet_count + 1}" Type="{REL_NS}/styles" Target="styles.xml"/>'
        "</Relationships>"
    )


def core_properties(moment: datetime) -> str:
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        XML_HEAD
        + '<cp:coreProperties'
        ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:dcmitype="http://purl.org/dc/dcmitype/"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:creator>CoachDesk</dc:creator><cp:lastModifiedBy>CoachDesk</cp:lastModifiedBy>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def app_properties(names: Sequence[str]) -> str:
    titles = "".join(f"<vt:lpstr>{xml_text(name)}</vt:lpstr>" for name in names)
    return (
        XML_HEAD
        + f'<Properties xmlns="{OFFICE_TYPE}/extended-properties"'
        f' xmlns:vt="{OFFICE_TYPE}/docPropsVTypes">'
        "<Application>CoachDesk</Application>"
        '<HeadingPairs><vt:vector size="2" baseType="variant">'
        "<vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>"
        f"<vt:variant><vt:i4>{len(names)}</vt:i4></vt:variant></vt:vector></HeadingPairs>"
        f'<TitlesOfParts><vt:vector size="{len(names)}" baseType="lpstr">{titles}'
        "</vt:vector></TitlesOfParts>"
        "</Properties>"
    )


@dataclass
class WrittenSheet:
    """A worksheet as the workbook part needs it: its name, its autofilter range, the rows
    printed atop every page and the columns printed at the left of every page, if any, and
    the number of its part (``xl/worksheets/sheetN.xml``)."""

    name: str
    filter_range: str | None
    print_rows: str | None
    print_columns: str | None
    part: int

    @property
    def print_titles(self) -> str | None:
        """The ``_xlnm.Print_Titles`` value: columns first, then rows, as Excel writes it."""
        reference = xml_text(sheet_reference(self.name))
        ranges = [f"{reference}!{titles}" for titles in (self.print_columns, self.print_rows)
                  if titles]
        return ",".join(ranges) or None


def workbook_part(sheets: Sequence[WrittenSheet]) -> str:
    """The workbook part, listing ``sheets`` in tab order."""
    entries = "".join(
        f'<sheet name="{xml_attribute(sheet.name)}" sheetId="{sheet.part}"'
        f' r:id="rId{sheet.part}"/>'
        for sheet in sheets
    )
    # Sorted by name, then sheet, as Excel keeps them.
    names = "".join(
        [f'<definedName name="_xlnm._FilterDatabase" localSheetId="{index}" hidden="1">'
         f"{xml_text(sheet_reference(sheet.name))}!{sheet.filter_range}</definedName>"
         for index, sheet in enumerate(sheets) if sheet.filter_range]
        + [f'<definedName name="_xlnm.Print_Titles" localSheetId="{index}">'
           f"{sheet.print_titles}</definedName>"
           for index, sheet in enumerate(sheets) if sheet.print_titles]
    )
    return (
        XML_HEAD + f'<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
        "<workbookPr/>"
        '<bookViews><workbookView xWindow="240" yWindow="15" windowWidth="16095"'
        ' windowHeight="9660"/></bookViews>'
        f"<sheets>{entries}</sheets>"
        + (f"<definedNames>{names}</definedNames>" if names else "")
        + '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'
    )


def xml_text(text: str) -> str:
    if "&" in text or "<" in text or ">" in text:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def xml_attribute(text: str) -> str:
    return xml_text(text).replace('"', "&quot;")


def sheet_reference(name: str) -> str:
    """A sheet name as formulas and defined names refer to it: ``'Actions de la semaine'``."""
    return "'" + name.replace("'", "''") + "'"
