#!/usr/bin/env python3
"""Derives Arca's KMIP vocabulary table from the OASIS KMIP specifications.

Run by hand, never by the build:

    tools/kmip-spec-extract/kmip_spec_extract.py /path/to/kmip-spec \
        > kmip-codec/src/main/resources/io/arca/kmip/vocabulary.tsv

It reads kmip-spec-v1.4-os.html, kmip-spec-v2.0-os.html and kmip-spec-v2.1-os.html (the OASIS Standard texts)
and takes from them only facts: the tag table (name, value), every enumeration and bit-mask table (name, value),
and the item type(s) the object and attribute tables give each field. Each row cites the specification version,
section and table it came from. The 1.0-1.3 texts are not used: their tags and values are a subset of 1.4, so an
item present in 1.4 is marked as available from 1.0 (the message layer enforces the finer per-version header
rules itself).

Output columns: kind (tag, enum, mask), set (the enumeration or mask an enum/mask row belongs to, or for a tag
row the enumeration or mask its values are taken from), code (UPPER_SNAKE constant), spec name, XML name, value
(hex), item types (tags only, '|'-separated), since, until (empty while current), source.
"""
import collections
import html
import re
import sys
from html.parser import HTMLParser

VERSIONS = [("1.4", "kmip-spec-v1.4-os.html"), ("2.0", "kmip-spec-v2.0-os.html"), ("2.1", "kmip-spec-v2.1-os.html")]
TYPES = {
    "Structure": "Structure", "Integer": "Integer", "Long Integer": "LongInteger", "Big Integer": "BigInteger",
    "Enumeration": "Enumeration", "Boolean": "Boolean", "Text String": "TextString", "Byte String": "ByteString",
    "Date-Time": "DateTime", "Interval": "Interval", "Date-Time Extended": "DateTimeExtended",
}
HEADING = re.compile(r"^(\d+(?:\.\d+)+)\s+(.+)$")
HEX8 = re.compile(r"^[0-9A-Fa-f]{8}$")
TAG = re.compile(r"^42[0-9A-Fa-f]{4}$")

# Spec names whose XML form the OASIS test cases write differently from the general rule below.
XML_NAME_OVERRIDES = {"3DES": "DES3"}
# Enumerations a tag's values come from, where the spec's own cross-reference does not say it.
# Enumerations the 2.x text defines by reference to PKCS#11 (function offsets in CK_FUNCTION_LIST, CK_RV
# values) instead of a table: the values the OASIS cases use, with their PKCS#11 numbers.
PKCS11_SETS = {
    "PKCS#11 Function": [("C_Initialize", 1), ("C_Finalize", 2), ("C_GetInfo", 3), ("C_GetFunctionList", 4)],
    "PKCS#11 Return Code": [("OK", 0)],
}
# Item types the tables state in prose ("Byte String or Structure: see ...") rather than in a type column.
TYPE_OVERRIDES = {
    "Key Material": {"ByteString", "Structure"},
    "Key Value": {"ByteString", "Structure"},
    "Attribute Reference": {"Enumeration", "Structure"},
    "PKCS#11 Input Parameters": {"ByteString"},
    "PKCS#11 Output Parameters": {"ByteString"},
}
VALUES_OF_OVERRIDES = {
    "Mask Generator Hashing Algorithm": "Hashing Algorithm",
    "Attribute Reference": "Tag",
    "Certificate Subject CN": None,
}


class Document(HTMLParser):
    """Flattens the Word-exported HTML into paragraphs and tables (rows of cell texts), in order."""

    def __init__(self):
        super().__init__()
        self.events, self.tables = [], []
        self._text, self._depth, self._table, self._row, self._cell = [], 0, None, None, None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._depth += 1
            if self._depth == 1:
                self._flush()
                self._table = []
        elif self._depth == 1 and tag == "tr":
            self._row = []
        elif self._depth == 1 and tag in ("td", "th"):
            self._cell = []
        elif self._depth == 0 and tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "br"):
            self._flush()

    def handle_endtag(self, tag):
        if tag == "table":
            if self._depth == 1:
                self.events.append(("table", len(self.tables)))
                self.tables.append(self._table)
            self._depth -= 1
        elif self._depth == 1 and tag in ("td", "th") and self._cell is not None:
            self._row.append(clean("".join(self._cell)))
            self._cell = None
        elif self._depth == 1 and tag == "tr" and self._row is not None:
            self._table.append(self._row)
            self._row = None
        elif self._depth == 0 and tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6"):
            self._flush()

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        elif self._depth == 0:
            self._text.append(data)

    def _flush(self):
        text = clean("".join(self._text))
        if text:
            self.events.append(("text", text))
        self._text = []


def clean(text):
    text = html.unescape(text).replace("\u00a0", " ").replace("\u2013", "-").replace("\u2011", "-")
    text = text.replace("\u2019", "'").replace("\u00ad", "")
    return re.sub(r"\s+", " ", text).strip()


def xml_name(spec_name):
    """The KMIP XML/JSON form of a name, as the OASIS test cases write it: words joined in CamelCase (a space or
    '/' is dropped and the next letter raised); other punctuation is dropped before a lower-case letter (Re-key ->
    ReKey) or between a lower-case letter and a capital (Template-Attribute -> TemplateAttribute), and kept as '_'
    otherwise (SHA-256 -> SHA_256, X.509 -> X_509, HMAC-SHA256 -> HMAC_SHA256)."""
    if spec_name in XML_NAME_OVERRIDES:
        return XML_NAME_OVERRIDES[spec_name]
    name = re.sub(r"[()]", " ", spec_name).strip()
    name = re.sub(r"\bId\b", "ID", name)
    out, raise_next = [], False
    for i, c in enumerate(name):
        if c.isalnum() or c == "_":
            out.append(c.upper() if raise_next else c)
            raise_next = False
            continue
        nxt = name[i + 1] if i + 1 < len(name) else ""
        prev = out[-1] if out else ""
        if c in " /" or nxt.islower() or (nxt.isupper() and prev.islower()):
            raise_next = True
        elif nxt and prev and prev != "_":
            out.append("_")
    return "".join(out)


def code_name(spec_name):
    name = xml_name(spec_name)
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    name = re.sub(r"_+", "_", name).upper()
    return name if not name[0].isdigit() else "V" + name


def types_of(encoding):
    encoding = re.split(r",?\s*see\b", encoding)[0]
    parts = [p.strip() for p in re.split(r",|\bor\b", encoding) if p.strip()]
    if parts and all(p in TYPES for p in parts):
        return [TYPES[p] for p in parts]
    return None


def read(version, path):
    doc = Document()
    with open(path, encoding="windows-1252", errors="replace") as f:
        doc.feed(f.read())
    tags, sets, types, refs, sections = {}, collections.OrderedDict(), collections.defaultdict(set), {}, {}
    heading, caption_after = None, {}
    for index, (kind, value) in enumerate(doc.events):
        if kind == "text":
            match = HEADING.match(value)
            if match and len(value) < 120:
                heading = (match.group(1), match.group(2))
                sections[match.group(1)] = match.group(2)
            continue
        table = doc.tables[value]
        caption = next((v for k, v in doc.events[index + 1 : index + 3] if k == "text" and v.startswith("Table")), "")
        source = "KMIP %s %s%s" % (version, heading[0] if heading else "?", (" " + caption.split(":")[0]) if caption else "")
        for row in table:
            first = row[1].split(" ")[0] if len(row) >= 2 else ""
            if TAG.match(first) and row[0] and not row[0].startswith("("):
                tags.setdefault(row[0], (int(first, 16), source))
            if len(row) >= 2:
                found = types_of(row[1])
                if found:
                    types[row[0]].update(found)
                    ref = re.search(r"see\s+(\d+(?:\.\d+)+)", row[1])
                    if ref:
                        refs.setdefault(row[0], ref.group(1))
        # A value cell may carry a note after the number: "00000006 (deprecated)".
        values = [(r[0], r[1].split(" ")[0]) for r in table if len(r) >= 2 and HEX8.match(r[1].split(" ")[0])]
        if values and heading and re.search(r"(Enumeration|Mask)s?$", heading[1]):
            set_name = re.sub(r"\s+Enumerations?$", "", heading[1]).strip()
            is_mask = set_name.endswith("Mask") or "Masks" in caption
            entries = sets.setdefault(set_name, {"mask": is_mask, "values": [], "source": source, "section": heading[0]})
            for name, hexval in values:
                if name and not name.startswith("(") and name != "Extensions":
                    entries["values"].append((name, int(hexval, 16)))
    if version != "1.4":
        for set_name, values in PKCS11_SETS.items():
            source = "PKCS#11 by reference from KMIP %s %s" % (version, "11.38" if "Function" in set_name else "11.39")
            sets[set_name] = {"mask": False, "values": list(values), "source": source, "section": set_name}
    by_section = {data["section"]: name for name, data in sets.items()}
    values_of = {}
    for field, section in refs.items():
        target = by_section.get(section)
        if target is None:
            # A reference to a parent section (e.g. "see 11") names no single enumeration.
            continue
        values_of[field] = target
    return tags, sets, types, values_of


def main(spec_dir):
    per_version = {v: read(v, "%s/%s" % (spec_dir, f)) for v, f in VERSIONS}
    order = [v for v, _ in VERSIONS]
    rows = []

    def span(present):
        since = "1.0" if present[0] == "1.4" else present[0]
        until = "" if present[-1] == order[-1] else present[-1]
        return since, until

    tag_names = collections.OrderedDict()
    for version in order:
        for name, (value, source) in per_version[version][0].items():
            tag_names.setdefault(value, {}).setdefault(name, []).append((version, source))
    set_names = set()
    for version in order:
        set_names.update(per_version[version][1].keys())
    for value in sorted(tag_names):
        names = tag_names[value]
        # The newest spelling is the primary name; older spellings stay as aliases.
        primary = max(names, key=lambda n: order.index(names[n][-1][0]))
        present = sorted({v for n in names for v, _ in names[n]}, key=order.index)
        since, until = span(present)
        types, values_of = set(), None
        for version in order:
            for n in names:
                types.update(per_version[version][2].get(n, ()))
                values_of = per_version[version][3].get(n, values_of)
        if values_of is None and primary in set_names:
            values_of = primary
        types = TYPE_OVERRIDES.get(primary, types)
        if primary in VALUES_OF_OVERRIDES:
            values_of = VALUES_OF_OVERRIDES[primary]
        if values_of is None and types == {"Enumeration"}:
            values_of = primary if primary in set_names else None
        source = names[primary][-1][1]
        for name in sorted(names, key=lambda n: n != primary):
            rows.append(("tag" if name == primary else "tag-alias", xml_name(values_of) if values_of else "",
                         code_name(primary), name,
                         xml_name(name), "%06X" % value, "|".join(sorted(types)), since, until, source))
    for set_name in sorted(set_names):
        entries = collections.OrderedDict()
        mask, source_of = False, {}
        for version in order:
            data = per_version[version][1].get(set_name)
            if not data:
                continue
            mask = data["mask"]
            for name, value in data["values"]:
                entries.setdefault(value, {}).setdefault(name, []).append(version)
                source_of[(value, name)] = data["source"]
        for value in sorted(entries):
            names = entries[value]
            primary = max(names, key=lambda n: order.index(names[n][-1]))
            present = sorted({v for n in names for v in names[n]}, key=order.index)
            since, until = span(present)
            for name in sorted(names, key=lambda n: n != primary):
                rows.append(("mask" if mask else "enum", xml_name(set_name), code_name(primary), name, xml_name(name),
                             "%08X" % value, "", since, until, source_of[(value, name)])
                            if name == primary else
                            ("mask-alias" if mask else "enum-alias", xml_name(set_name), code_name(primary), name,
                             xml_name(name), "%08X" % value, "", since, until, source_of[(value, name)]))
    print("# Generated by tools/kmip-spec-extract/kmip_spec_extract.py from the OASIS KMIP 1.4, 2.0 and 2.1 "
          "specifications; do not edit by hand.")
    print("\t".join(["kind", "set", "code", "spec_name", "xml_name", "value", "item_types", "since", "until", "source"]))
    for row in rows:
        print("\t".join(row))


if __name__ == "__main__":
    main(sys.argv[1])
