#!/usr/bin/env python3
"""Validate the Parallax example corpus gold files.

For every examples/gold/<story>.json this script checks that:
  * the JSON parses and has the expected shape (keys, enum values, minimum counts);
  * every article file exists in examples/<story>/ and every file there is listed;
  * every "text" (agreements, disputes, quotes, boilerplate) and every date
    "expression" is a single-line, exact substring of its file's text, where the
    text is read as: gunzip for *.gz, html.unescape for *.html / *.htm / *.xml
    (HTML-escaped RSS <content:encoded> is therefore unescaped once, and so are
    character references inside a CDATA section), and for *.warc.gz the
    html.unescape'd HTML payload of the one response record;
  * bytes are decoded the way a browser or feed reader would: HTML by the
    charset its <meta charset> or <meta http-equiv="Content-Type"> declares in
    the first 1024 bytes (a WARC payload by its HTTP Content-Type charset first),
    with the WHATWG rule that the labels latin1 / iso-8859-1 / us-ascii mean
    windows-1252; XML by its <?xml encoding?> declaration (UTF-8 by default);
    any other text (*.txt, *.txt.gz) as UTF-16 when it starts with a UTF-16 byte
    order mark, else as UTF-8, falling back to windows-1252 and then ISO-8859-1
    when the bytes are not valid UTF-8, with CRLF line endings read as LF.  Every
    .html / .htm page must declare its charset, and the declared charset must
    decode the bytes;
  * XML files parse either as RSS 2.0 with one <item> and a content:encoded
    element (or, lacking one, a <description> that holds the full text as
    HTML-escaped paragraphs, <p> or <br>), or as an Atom 1.0 feed with one <entry> holding a title, an
    author name, a published date, a link href and a content element
    (HTML-escaped content type="html" is unescaped once, as for RSS).  A feed
    may hold several items or entries when the gold's article entry names the
    one about the story in "feed_item" (its RSS <guid> or <link>, or its Atom
    <id> or <link href>): exactly one item must match, it gets the checks
    above, and annotated strings are then searched in the feed with every
    other item or entry cut out, so that nothing can be found in them;
  * a file whose article entry says "mojibake": true is scraper text whose
    UTF-8 was decoded as windows-1252 and saved again as UTF-8 ("don’t" stored
    as "donâ€™t"); after decoding, each damaged sequence (a windows-1252
    rendering of a UTF-8 lead byte and its continuation bytes, with the five
    bytes windows-1252 leaves undefined read as the C1 controls U+0081,
    U+008D, U+008F, U+0090 and U+009D) is re-encoded as windows-1252 and
    decoded as UTF-8, one sequence at a time, and correct text is left alone;
    annotated strings are written in the repaired form.  Such a file must
    contain at least one damaged sequence, and no other file may contain one;
  * a file whose article entry says "hard_wrapped": true is text saved from a
    PDF print edition, hard-wrapped at a fixed width: the lines of each
    paragraph (a run of non-blank lines) are joined with one space before
    searching, so an annotated string may run across a line end.  A word
    hyphenated across a line end stays split ("evacu- ated"), because a hyphen
    there may also belong to the word ("40-minute"), and an annotated string
    that crosses such a break is reported; running headers and page furniture stand between
    blank lines and remain lines of their own.  Only a plain-text file
    (.txt or .txt.gz) may be marked;
  * HTML files (*.html) carry the expected <meta> tags and a NewsArticle or
    LiveBlogPosting JSON-LD block without articleBody (a live blog's
    liveBlogUpdate entries may not carry articleBody either); lighter saved
    pages (*.htm) need only a <title>, and any JSON-LD they carry must parse;
  * WARC files (*.warc.gz) are WARC/1.1 with every record gzipped as its own
    member: a warcinfo record first, then exactly one response record whose
    block is an HTTP 200 text/html response; every Content-Length (WARC and
    HTTP) matches, each block ends with CRLF CRLF, sha1 WARC-Block-Digest and
    WARC-Payload-Digest match when present, and the HTML payload passes the
    HTML checks above.

Usage:  python3 examples/gold/check_gold.py [gold.json ...]
Exit status is 0 when everything is found, 1 otherwise.  Standard library only.
"""
import base64
import codecs
import glob
import gzip
import hashlib
import html
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.dirname(HERE)

GENRES = {"news", "opinion", "analysis"}
DISPUTE_KINDS = {"quantity", "date", "agent", "assertion"}
QUOTE_KINDS = {"direct", "indirect"}
MINIMUM = {"agreements": 6, "disputes": 4, "quotes": 8, "dates": 8}
JSONLD_TYPES = {"NewsArticle", "LiveBlogPosting"}
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
ATOM_NS = "http://www.w3.org/2005/Atom"


# WHATWG Encoding Standard: these labels are decoded as windows-1252 in HTML.
WHATWG_AS_CP1252 = {"latin1", "latin-1", "iso-8859-1", "iso8859-1", "iso_8859-1", "l1",
                    "us-ascii", "ascii", "cp819", "ibm819", "windows-1252", "cp1252", "x-cp1252"}
META_TAG = re.compile(rb"<meta\b[^>]*>", re.I)
META_CHARSET = re.compile(rb"""\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
META_ATTR = re.compile(rb"""([A-Za-z][A-Za-z0-9_:-]*)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")
XML_DECL = re.compile(rb"""^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")


def _cp1252_bytes():
    """Map each character of a windows-1252 decoding back to its byte.  The five bytes that
    windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) are taken as the C1 controls
    of the same number, as the WHATWG decoder and most scrapers produce them."""
    table = {}
    for b in range(0x80, 0x100):
        try:
            table[bytes([b]).decode("cp1252")] = b
        except UnicodeDecodeError:
            table[chr(b)] = b
    return table


CP1252_BYTE = _cp1252_bytes()
_CONT = "".join(re.escape(c) for c, b in CP1252_BYTE.items() if 0x80 <= b <= 0xBF)
# A UTF-8 lead byte (C2-DF, E0-EF, F0-F4) and its continuation bytes (80-BF), as windows-1252 shows them.
MOJIBAKE = re.compile("[\u00c2-\u00df][%s]|[\u00e0-\u00ef][%s]{2}|[\u00f0-\u00f4][%s]{3}" % (_CONT, _CONT, _CONT))


def repair_mojibake(text):
    """Undo UTF-8 read as windows-1252, sequence by sequence; return (text, sequences repaired)."""
    repaired = 0

    def fix(m):
        nonlocal repaired
        try:
            good = bytes(CP1252_BYTE[c] for c in m.group(0)).decode("utf-8")
        except UnicodeDecodeError:
            return m.group(0)
        repaired += 1
        return good

    return MOJIBAKE.sub(fix, text), repaired


def read_bytes(path):
    with open(path, "rb") as f:
        data = f.read()
    if path.endswith(".gz") and not path.endswith(".warc.gz"):
        data = gzip.decompress(data)
    return data


def html_codec(label):
    """Python codec for an HTML charset label, or None when the label is unknown."""
    label = label.strip().lower()
    if label in WHATWG_AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def html_declared_charset(data):
    """The charset an HTML page declares within its first 1024 bytes, or None: a <meta charset>
    attribute, or the charset= parameter of <meta http-equiv="Content-Type" content="...">."""
    for tag in META_TAG.findall(data[:1024]):
        attrs = {k.lower(): v.strip(b"\"'") for k, v in META_ATTR.findall(tag)}
        if b"charset" in attrs:
            return attrs[b"charset"].strip().decode("ascii", "replace")
        if attrs.get(b"http-equiv", b"").lower() == b"content-type":
            m = META_CHARSET.search(attrs.get(b"content", b""))
            if m:
                return m.group(1).decode("ascii")
    return None


def decode_html(path, data, errors, transport_label=None):
    """Decode an HTML page: BOM, then the transport (HTTP) charset, then the <meta> declaration."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace")
    declared = html_declared_charset(data)
    label = transport_label or declared
    if label is None:
        errors.append(f"{path}: HTML page declares no charset (<meta charset> or http-equiv Content-Type)")
        label = "utf-8"
    if transport_label and declared and html_codec(transport_label) != html_codec(declared):
        errors.append(f"{path}: HTTP charset {transport_label!r} disagrees with <meta> charset {declared!r}")
    codec = html_codec(label)
    if codec is None:
        errors.append(f"{path}: unknown charset {label!r}")
        codec = "utf-8"
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        errors.append(f"{path}: bytes are not valid {label}: {e}")
        return data.decode(codec, "replace")


def decode_xml(path, data, errors):
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace")
    m = XML_DECL.match(data)
    label = m.group(1).decode("ascii") if m else "utf-8"
    try:
        return data.decode(codecs.lookup(label).name)
    except LookupError:
        errors.append(f"{path}: unknown XML encoding {label!r}")
    except UnicodeDecodeError as e:
        errors.append(f"{path}: bytes are not valid {label}: {e}")
    return data.decode("utf-8", "replace")


def decode_plain(data):
    """Undeclared text: UTF-16 when it starts with a UTF-16 BOM, else UTF-8 (BOM allowed), else
    windows-1252, else ISO-8859-1; CRLF line endings are read as LF."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16").replace("\r\n", "\n")
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    for codec in ("utf-8", "cp1252"):
        try:
            return data.decode(codec).replace("\r\n", "\n")
        except UnicodeDecodeError:
            pass
    return data.decode("iso-8859-1").replace("\r\n", "\n")


def read_raw(path, errors=None):
    """The decoded (not yet unescaped) text of an article file other than a WARC."""
    errors = [] if errors is None else errors
    data = read_bytes(path)
    base = path[:-3] if path.endswith(".gz") else path
    if base.endswith((".html", ".htm")):
        return decode_html(path, data, errors)
    if base.endswith(".xml"):
        return decode_xml(path, data, errors)
    return decode_plain(data)


def unwrap_lines(text, hyphen_breaks=None):
    """Join the lines of each paragraph (a run of non-blank lines) of hard-wrapped text with one
    space; blank lines, and so paragraph breaks, are kept.  The offset of each space that joins a
    line ending in a hyphen to the next goes to hyphen_breaks, when given."""
    out, para, pos = [], [], 0

    def flush():
        nonlocal pos
        joined = ""
        for i, line in enumerate(para):
            if i:
                if joined.endswith("-") and hyphen_breaks is not None:
                    hyphen_breaks.append(pos + len(joined))
                joined += " "
            joined += line
        out.append(joined)
        pos += len(joined) + 1
        para.clear()

    for line in text.split("\n"):
        if line.strip():
            para.append(line.strip())
            continue
        if para:
            flush()
        out.append("")
        pos += 1
    if para:
        flush()
    return "\n".join(out)


def searchable(path, errors=None, feed_item=None, mojibake=False, raw=None, hard_wrapped=False,
               hyphen_breaks=None):
    """The text annotated strings are searched in: the decoded text (raw, when the caller has it
    already), with mojibake repaired when the article is marked so (a file that is not marked must
    have none), every item or entry other than feed_item cut out of a feed, HTML/XML unescaped, and
    the lines of each paragraph joined when the article is marked hard-wrapped (the offsets of
    the joins after a line-end hyphen go to hyphen_breaks)."""
    errors = [] if errors is None else errors
    if raw is None:
        raw = read_warc(path, errors)[1] if path.endswith(".warc.gz") else read_raw(path, errors)
    fixed, repaired = repair_mojibake(raw)
    if mojibake:
        if not repaired:
            errors.append(f"{path}: marked \"mojibake\" but no damaged sequence was found")
        raw = fixed
    elif repaired:
        errors.append(f"{path}: holds {repaired} mojibake sequence(s) but is not marked \"mojibake\"")
    base = path[:-3] if path.endswith(".gz") else path
    if base.endswith(".xml") and feed_item is not None:
        raw = only_feed_item(path, raw, feed_item, errors)
    if base.endswith((".html", ".htm", ".xml", ".warc")):
        return html.unescape(raw)
    if hard_wrapped:
        return unwrap_lines(raw, hyphen_breaks)
    return raw


FEED_BLOCK = re.compile(r"<(item|entry)\b[^>]*>.*?</\1>", re.S)


def feed_item_ids(element, atom):
    """The identifiers an RSS <item> or Atom <entry> can be named by."""
    if atom:
        a = lambda tag: f"{{{ATOM_NS}}}{tag}"
        ids = [e.text for e in element.findall(a("id"))]
        ids += [link.get("href") for link in element.findall(a("link"))]
    else:
        ids = [e.text for e in element.findall("guid")] + [e.text for e in element.findall("link")]
    return {i.strip() for i in ids if i}


def feed_items(root):
    """(items or entries, is_atom) of a parsed feed."""
    if root.tag == f"{{{ATOM_NS}}}feed":
        return root.findall(f"{{{ATOM_NS}}}entry"), True
    channel = root.find("channel")
    return ([] if channel is None else channel.findall("item")), False


def only_feed_item(path, raw, feed_item, errors):
    """The feed's text with every item or entry other than the one named feed_item cut out."""
    try:
        root = ET.fromstring(read_bytes(path))
    except ET.ParseError:
        return raw  # check_feed reports it
    items, atom = feed_items(root)
    chosen = [i for i, item in enumerate(items) if feed_item in feed_item_ids(item, atom)]
    blocks = list(FEED_BLOCK.finditer(raw))
    if len(chosen) != 1 or len(blocks) != len(items):
        return raw  # check_feed reports a missing or ambiguous item
    keep = blocks[chosen[0]]
    out, last = [], 0
    for block in blocks:
        if block is not keep:
            out.append(raw[last:block.start()])
            last = block.end()
    out.append(raw[last:])
    return "".join(out)


def check_feed(path, errors, feed_item=None):
    try:
        # Parse the bytes, so that the parser honours the <?xml encoding?> declaration itself.
        root = ET.fromstring(read_bytes(path))
    except ET.ParseError as e:
        errors.append(f"{path}: XML does not parse: {e}")
        return
    if root.tag == f"{{{ATOM_NS}}}feed":
        check_atom(path, root, errors, feed_item)
    else:
        check_rss(path, root, errors, feed_item)


def pick_item(path, items, atom, feed_item, errors):
    """The one item or entry to check: the only one, or the one named by feed_item."""
    kind = "Atom <entry>" if atom else "<item>"
    if feed_item is None:
        if len(items) != 1:
            errors.append(f"{path}: expected exactly one {kind}, found {len(items)} (name the story's item with \"feed_item\")")
            return None
        return items[0]
    named = [item for item in items if feed_item in feed_item_ids(item, atom)]
    if len(named) != 1:
        errors.append(f"{path}: feed_item {feed_item!r} names {len(named)} of the {len(items)} {kind}s, not exactly one")
        return None
    return named[0]


def check_atom(path, root, errors, feed_item=None):
    a = lambda tag: f"{{{ATOM_NS}}}{tag}"
    if root.find(a("title")) is None or (root.find(a("link")) is None and root.find(a("id")) is None):
        errors.append(f"{path}: Atom feed lacks <title> and <link> or <id>")
    entry = pick_item(path, root.findall(a("entry")), True, feed_item, errors)
    if entry is None:
        return
    for tag in ("title", "published"):
        if entry.find(a(tag)) is None:
            errors.append(f"{path}: entry lacks <{tag}>")
    if not any(link.get("href") for link in entry.findall(a("link"))):
        errors.append(f"{path}: entry lacks <link href>")
    author = entry.find(a("author"))
    if author is None or author.find(a("name")) is None:
        errors.append(f"{path}: entry lacks <author><name>")
    content = entry.find(a("content"))
    if content is None:
        errors.append(f"{path}: entry lacks <content>")
    elif content.get("type", "text") not in ("html", "xhtml", "text"):
        errors.append(f"{path}: entry <content> has unexpected type {content.get('type')!r}")


def check_rss(path, root, errors, feed_item=None):
    if root.tag != "rss" or root.get("version") != "2.0":
        errors.append(f"{path}: root is not <rss version=\"2.0\">")
    channel = root.find("channel")
    if channel is None or channel.find("title") is None or channel.find("link") is None:
        errors.append(f"{path}: channel with title and link missing")
        return
    item = pick_item(path, channel.findall("item"), False, feed_item, errors)
    if item is None:
        return
    for tag in ("title", "link", "pubDate"):
        if item.find(tag) is None:
            errors.append(f"{path}: item lacks <{tag}>")
    if item.find("author") is None and item.find("{http://purl.org/dc/elements/1.1/}creator") is None:
        errors.append(f"{path}: item lacks <author> or <dc:creator>")
    if item.find(f"{{{CONTENT_NS}}}encoded") is None:
        # Some feeds carry the whole article, as escaped HTML, in <description> instead.
        description = item.findtext("description") or ""
        if not re.search(r"<(p|br)\b", description, re.I):
            errors.append(f"{path}: item lacks <content:encoded> or a <description> holding the full text as HTML")


def gzip_members(data):
    """Split a multi-member gzip file into the decompressed bytes of each member."""
    members = []
    while data:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = d.decompress(data) + d.flush()
        if not d.eof:
            raise ValueError("truncated gzip member")
        members.append(out)
        data = d.unused_data
    return members


def parse_headers(lines):
    fields = {}
    for line in lines:
        name, sep, value = line.partition(":")
        if not sep:
            raise ValueError(f"bad header line {line!r}")
        fields[name.strip().lower()] = value.strip()
    return fields


def as_int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


def sha1_b32(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def read_warc(path, errors):
    """Return (records, html_payload) of a .warc.gz file; problems go to errors."""
    with open(path, "rb") as f:
        data = f.read()
    try:
        members = gzip_members(data)
    except (zlib.error, ValueError) as e:
        errors.append(f"{path}: gzip does not decompress: {e}")
        return [], ""
    records = []
    for i, member in enumerate(members):
        where = f"{path}: record {i + 1}"
        head, sep, rest = member.partition(b"\r\n\r\n")
        if not sep:
            errors.append(f"{where}: no blank line after the WARC header")
            continue
        lines = head.decode("utf-8", "replace").split("\r\n")
        if lines[0] != "WARC/1.1":
            errors.append(f"{where}: version line is {lines[0]!r}, not 'WARC/1.1'")
        try:
            fields = parse_headers(lines[1:])
        except ValueError as e:
            errors.append(f"{where}: {e}")
            continue
        for name in ("warc-type", "warc-record-id", "warc-date", "content-length"):
            if name not in fields:
                errors.append(f"{where}: lacks {name}")
        length = as_int(fields.get("content-length"))
        block = rest[:length]
        if length < 0 or len(rest) != length + 4 or rest[length:] != b"\r\n\r\n":
            errors.append(f"{where}: Content-Length {length} does not match a block followed by CRLF CRLF "
                          f"(the gzip member holds {len(rest)} bytes after the header; each record must be its own member)")
        digest = fields.get("warc-block-digest")
        if digest and digest.startswith("sha1:") and digest != sha1_b32(block):
            errors.append(f"{where}: WARC-Block-Digest does not match the block")
        records.append((fields, block))
    if not records:
        errors.append(f"{path}: no WARC records")
        return records, ""
    if records[0][0].get("warc-type") != "warcinfo":
        errors.append(f"{path}: first record is not warcinfo")
    responses = [r for r in records if r[0].get("warc-type") == "response"]
    if len(responses) != 1:
        errors.append(f"{path}: expected exactly one response record, found {len(responses)}")
        return records, ""
    fields, block = responses[0]
    if "warc-target-uri" not in fields:
        errors.append(f"{path}: response record lacks WARC-Target-URI")
    if not fields.get("content-type", "").replace(" ", "").startswith("application/http;msgtype=response"):
        errors.append(f"{path}: response record Content-Type is {fields.get('content-type')!r}")
    http_head, sep, payload = block.partition(b"\r\n\r\n")
    if not sep:
        errors.append(f"{path}: HTTP response has no blank line after its headers")
        return records, ""
    http_lines = http_head.decode("iso-8859-1").split("\r\n")
    if not re.fullmatch(r"HTTP/1\.[01] 200 .*", http_lines[0]):
        errors.append(f"{path}: HTTP status line is {http_lines[0]!r}")
    try:
        http_fields = parse_headers(http_lines[1:])
    except ValueError as e:
        errors.append(f"{path}: HTTP {e}")
        http_fields = {}
    if not http_fields.get("content-type", "").startswith("text/html"):
        errors.append(f"{path}: HTTP Content-Type is {http_fields.get('content-type')!r}")
    if "content-encoding" in http_fields or "transfer-encoding" in http_fields:
        errors.append(f"{path}: HTTP payload must be stored unencoded (no Content-/Transfer-Encoding)")
    if "content-length" in http_fields and as_int(http_fields["content-length"]) != len(payload):
        errors.append(f"{path}: HTTP Content-Length {http_fields['content-length']} != payload length {len(payload)}")
    digest = fields.get("warc-payload-digest")
    if digest and digest.startswith("sha1:") and digest != sha1_b32(payload):
        errors.append(f"{path}: WARC-Payload-Digest does not match the HTTP payload")
    m = META_CHARSET.search(http_fields.get("content-type", "").encode("latin-1", "replace"))
    transport = m.group(1).decode("ascii") if m else None
    return records, decode_html(path, payload, errors, transport)


def check_warc(path, errors):
    _, page = read_warc(path, errors)
    if page:
        check_html_text(path, page, errors)
    return page


def check_html(path, errors):
    # Decoding problems (no or wrong charset) are reported by read_raw via searchable().
    check_html_text(path, read_raw(path, []), errors)


def check_htm(path, errors):
    check_html_text(path, read_raw(path, []), errors, light=True)


def check_html_text(path, raw, errors, light=False):
    needed = [
        r"<title>",
        r'property="og:site_name"',
        r'name="author"',
        r'property="article:published_time"',
        r'name="description"',
        r'application/ld\+json',
    ]
    if light:
        needed = needed[:1]
    for pat in needed:
        if not re.search(pat, raw):
            errors.append(f"{path}: missing {pat}")
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', raw, re.S):
        try:
            data = json.loads(block)
        except ValueError as e:
            errors.append(f"{path}: JSON-LD does not parse: {e}")
            continue
        if data.get("@type") not in JSONLD_TYPES:
            errors.append(f"{path}: JSON-LD is not a NewsArticle or LiveBlogPosting")
        if "articleBody" in data:
            errors.append(f"{path}: JSON-LD must not contain articleBody")
        updates = data.get("liveBlogUpdate", [])
        for update in updates if isinstance(updates, list) else [updates]:
            if isinstance(update, dict) and "articleBody" in update:
                errors.append(f"{path}: JSON-LD liveBlogUpdate must not contain articleBody")


def check_gold(gold_path):
    errors = []
    with open(gold_path, encoding="utf-8") as f:
        try:
            gold = json.load(f)
        except ValueError as e:
            return [f"{gold_path}: JSON does not parse: {e}"], {}
    story = gold.get("story")
    folder = os.path.join(EXAMPLES, story or "")
    if not story or not os.path.isdir(folder):
        return [f"{gold_path}: story folder {folder!r} not found"], {}
    for key in ("summary", "articles", "agreements", "disputes", "quotes", "dates", "boilerplate"):
        if key not in gold:
            errors.append(f"{gold_path}: missing key {key!r}")

    texts = {}
    breaks = {}
    listed = set()
    for art in gold.get("articles", []):
        name = art.get("file")
        listed.add(name)
        path = os.path.join(folder, name)
        if not os.path.isfile(path):
            errors.append(f"{story}: article file {name} not found")
            continue
        base = name[:-3] if name.endswith(".gz") else name
        feed_item = art.get("feed_item")
        mojibake = art.get("mojibake", False)
        hard_wrapped = art.get("hard_wrapped", False)
        if not isinstance(hard_wrapped, bool) or (hard_wrapped and not base.endswith(".txt")):
            errors.append(f"{story}/{name}: hard_wrapped must be true or false, and only a .txt or .txt.gz file can be")
            hard_wrapped = False
        if feed_item is not None and not (isinstance(feed_item, str) and base.endswith(".xml")):
            errors.append(f"{story}/{name}: feed_item must be a string, and only a feed (.xml) has one")
            feed_item = None
        if not isinstance(mojibake, bool):
            errors.append(f"{story}/{name}: mojibake must be true or false")
            mojibake = bool(mojibake)
        page = check_warc(path, errors) if base.endswith(".warc") else None
        breaks[name] = []
        texts[name] = searchable(path, errors, feed_item, mojibake, page, hard_wrapped, breaks[name])
        if base.endswith(".xml"):
            check_feed(path, errors, feed_item)
        if base.endswith(".html"):
            check_html(path, errors)
        if base.endswith(".htm"):
            check_htm(path, errors)
        for key in ("outlet", "title", "published", "author", "language", "genre", "leaning", "near_duplicate_of"):
            if key not in art:
                errors.append(f"{story}/{name}: article entry lacks {key!r}")
        if art.get("genre") not in GENRES:
            errors.append(f"{story}/{name}: bad genre {art.get('genre')!r}")
        pub = art.get("published")
        if pub is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", pub):
            errors.append(f"{story}/{name}: bad published {pub!r}")
        title = art.get("title")
        if name in texts and title and title not in texts[name]:
            errors.append(f"{story}/{name}: title not found in file")
    for name in os.listdir(folder):
        if name not in listed:
            errors.append(f"{story}: file {name} is not listed in articles")
    for art in gold.get("articles", []):
        dup = art.get("near_duplicate_of")
        if dup is not None and dup not in listed:
            errors.append(f"{story}: near_duplicate_of {dup!r} is not an article")

    def find(where, name, text):
        if name not in texts:
            errors.append(f"{story} {where}: unknown file {name!r}")
            return
        if not isinstance(text, str) or not text:
            errors.append(f"{story} {where}: empty text in {name}")
            return
        if "\n" in text:
            errors.append(f"{story} {where}: text spans lines in {name}: {text!r}")
        if text not in texts[name]:
            errors.append(f"{story} {where}: NOT FOUND in {name}: {text!r}")
        elif breaks.get(name):
            starts = [m.start() for m in re.finditer(re.escape(text), texts[name])]
            if all(any(s < b < s + len(text) for b in breaks[name]) for s in starts):
                errors.append(f"{story} {where}: crosses a hyphenated line break in {name}: {text!r}")

    for i, agr in enumerate(gold.get("agreements", [])):
        files = set()
        for s in agr.get("support", []):
            find(f"agreement[{i}]", s["file"], s["text"])
            files.add(s["file"])
        if len(files) < 3:
            errors.append(f"{story} agreement[{i}]: fewer than 3 outlets support it")
    for i, d in enumerate(gold.get("disputes", [])):
        if d.get("kind") not in DISPUTE_KINDS:
            errors.append(f"{story} dispute[{i}]: bad kind {d.get('kind')!r}")
        values = [side["value"] for side in d.get("sides", [])]
        if len(values) < 2:
            errors.append(f"{story} dispute[{i}]: needs at least two sides")
        for side in d.get("sides", []):
            for s in side.get("support", []):
                find(f"dispute[{i}] {side['value']}", s["file"], s["text"])
        for pair in d.get("compatible_pairs", []):
            for v in pair:
                if v not in values:
                    errors.append(f"{story} dispute[{i}]: compatible value {v!r} is not a side")
    for i, q in enumerate(gold.get("quotes", [])):
        if q.get("kind") not in QUOTE_KINDS:
            errors.append(f"{story} quote[{i}]: bad kind {q.get('kind')!r}")
        find(f"quote[{i}]", q["file"], q["text"])
        if q["file"] in texts and q.get("cue") not in texts[q["file"]]:
            errors.append(f"{story} quote[{i}]: cue {q.get('cue')!r} not in {q['file']}")
    for i, d in enumerate(gold.get("dates", [])):
        find(f"date[{i}]", d["file"], d["expression"])
    for i, b in enumerate(gold.get("boilerplate", [])):
        find(f"boilerplate[{i}]", b["file"], b["text"])

    counts = {k: len(gold.get(k, [])) for k in ("agreements", "disputes", "quotes", "dates", "boilerplate")}
    for key, low in MINIMUM.items():
        if counts[key] < low:
            errors.append(f"{story}: only {counts[key]} {key}, need at least {low}")
    return errors, counts


def main(argv):
    paths = argv[1:] or sorted(glob.glob(os.path.join(HERE, "*.json")))
    failed = False
    for path in paths:
        errors, counts = check_gold(path)
        status = "FAIL" if errors else "ok"
        print(f"{status} {os.path.basename(path)} {counts}")
        for e in errors:
            print("  " + e)
        failed = failed or bool(errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
