#!/usr/bin/env python3
"""Writes a corpus of hostile inputs for `bench/adversarial.sh` (issue 8).

    bench/adversarial.py OUT_DIR [--seed N] [--variants N]

Every family below is a kind of input the web hands out or an attacker crafts: deep nesting,
megabyte lines, NUL bytes, invalid and mixed encodings, bidi overrides and zero-width
characters, decompression bombs, empty and 1-GB (sparse) files, feeds with entity expansion and
external entities, WARC files whose lengths lie, regex-hostile text, and markup carrying script.
Each family is written in several seeded variants, so the corpus is large (over 1,000 files with
the defaults) yet reproducible byte for byte from the seed. Nothing here is committed: the files
go to OUT_DIR, normally under target/.
"""

import argparse
import gzip
import io
import os
import random
import zlib

PARAGRAPH = (
    "Negotiators for the two ferry unions met port officials on Tuesday and agreed to resume "
    "talks next week, a spokeswoman said. About 1,200 workers have been on strike since 3 March."
)


def html_page(body, title="Ferry talks", head=""):
    return f"<!doctype html><html><head><title>{title}</title>{head}</head><body>{body}</body></html>"


def write(out, name, data):
    path = os.path.join(out, name)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(path, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": ""})) as f:
        f.write(data)


def deep_nesting(rng):
    tag = rng.choice(["div", "b", "span", "table", "blockquote", "ul", "p", "font"])
    depth = rng.choice([1_000, 10_000, 100_000, 300_000])
    closed = rng.random() < 0.5
    body = f"<{tag}>" * depth + PARAGRAPH + (f"</{tag}>" * depth if closed else "")
    return "html", html_page(body)


def megabyte_line(rng):
    size = rng.choice([1, 2, 4]) << 20
    kind = rng.choice(["word", "digits", "spaces", "attribute", "dots"])
    if kind == "word":
        return "txt", "a" * size
    if kind == "digits":
        return "txt", "1" * size
    if kind == "spaces":
        return "txt", "x " * (size // 2)
    if kind == "dots":
        return "txt", "Mr. " * (size // 4)
    return "html", html_page(f'<p title="{"x" * size}">{PARAGRAPH}</p>')


def nul_bytes(rng):
    text = PARAGRAPH.encode()
    out = bytearray()
    for byte in text * rng.randint(1, 50):
        out.append(byte)
        if rng.random() < 0.2:
            out.append(0)
    return rng.choice(["txt", "html"]), bytes(out)


def invalid_utf8(rng):
    pieces = [PARAGRAPH.encode()]
    for _ in range(rng.randint(1, 200)):
        pieces.append(
            rng.choice(
                [
                    b"\xc3",  # truncated two-byte sequence
                    b"\xe2\x82",  # truncated three-byte sequence
                    b"\xc0\xaf",  # overlong slash
                    b"\xed\xa0\x80",  # surrogate half
                    b"\xf8\x88\x80\x80\x80",  # five-byte form
                    b"\xff\xfe",
                    bytes(rng.randrange(256) for _ in range(16)),
                ]
            )
        )
        pieces.append(b" talks ")
    return rng.choice(["txt", "html"]), b"".join(pieces)


def mixed_encodings(rng):
    parts = [
        "Gespräche über die Fähre".encode("latin-1"),
        "フェリーの交渉".encode("shift_jis"),
        "Переговоры о пароме".encode("koi8-r"),
        "Переговоры о пароме".encode("utf-8"),
        "交渉".encode("gb18030"),
        PARAGRAPH.encode("utf-16"),
    ]
    rng.shuffle(parts)
    declared = rng.choice(["utf-8", "iso-8859-1", "shift_jis", "utf-16", "x-bogus", "koi8-r"])
    head = f'<meta charset="{declared}">'.encode()
    bom = rng.choice([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"])
    body = b"<p>" + b"</p><p>".join(parts) + b"</p>"
    return "html", bom + b"<html><head>" + head + b"</head><body>" + body + b"</body></html>"


def bidi_and_invisible(rng):
    specials = ["\u202e", "\u202d", "\u2066", "\u2067", "\u2069", "\u200b", "\u200d", "\ufeff", "\u2028", "\u0301" * 50]
    words = PARAGRAPH.split()
    mixed = " ".join(w + rng.choice(specials) if rng.random() < 0.5 else w for w in words)
    title = rng.choice(specials) + "Ferry talks" + rng.choice(specials) + "\u202egpj.exe"
    if rng.random() < 0.5:
        return "txt", f"{title}\n\n{mixed}\n\n{mixed}\n"
    return "html", html_page(f"<p>{mixed}</p><p>{mixed}</p>", title=title)


def decompression_bomb(rng):
    size = rng.choice([256, 1024]) << 20  # decompressed size
    kind = rng.choice(["zeros", "text", "nested", "trailing"])
    if kind == "zeros":
        return "txt.gz", gzip_stream(b"\0", size)
    if kind == "text":
        return "html.gz", gzip_stream(b"<p>talks</p>", size)
    if kind == "nested":
        return "txt.gz", gzip.compress(gzip_stream(b"a", size // 4), compresslevel=9)
    return "txt.gz", gzip.compress(PARAGRAPH.encode()) + os.urandom(64)


def gzip_stream(unit, size):
    """Gzip of `unit` repeated to `size` bytes, compressed without ever holding it whole."""
    buffer = io.BytesIO()
    chunk = unit * ((1 << 20) // len(unit))
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9) as f:
        written = 0
        while written < size:
            f.write(chunk)
            written += len(chunk)
    return buffer.getvalue()


def tiny_or_empty(rng):
    return rng.choice(["txt", "html", "rss", "warc", "txt.gz"]), bytes([rng.randrange(256)]) if rng.random() < 0.8 else b""


def feed_entities(rng):
    kind = rng.choice(["laughs", "external", "many_items", "deep", "broken"])
    if kind == "laughs":
        entities = '<!ENTITY lol "lol">' + "".join(
            f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i else "")) * 10}">' for i in range(1, 10)
        )
        return "rss", f'<?xml version="1.0"?><!DOCTYPE rss [{entities}]><rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>'
    if kind == "external":
        return "rss", '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>t</title><item><title>&xxe;</title><description>&xxe;</description></item></channel></rss>'
    if kind == "many_items":
        item = f"<item><title>Ferry</title><description>{PARAGRAPH}</description></item>"
        return "rss", '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>' + item * rng.choice([2_000, 20_000]) + "</channel></rss>"
    if kind == "deep":
        return "atom", '<feed xmlns="http://www.w3.org/2005/Atom">' + "<entry>" * 50_000 + "</feed>"
    return "rss", '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Ferry<description>' + PARAGRAPH


def lying_warc(rng):
    page = html_page(f"<p>{PARAGRAPH}</p>").encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
    length = rng.choice([str(len(http)), str(len(http) * 100), "-5", "abc", "99999999999999999999", "0", str(len(http) // 2), ""])
    record = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.invalid/\r\n"
        b"Content-Type: application/http; msgtype=response\r\nContent-Length: " + length.encode() + b"\r\n\r\n" + http + b"\r\n\r\n"
    )
    count = rng.choice([1, 2, 1000])
    data = record * count
    if rng.random() < 0.3:
        data = data[: rng.randrange(1, len(data))]
    return rng.choice(["warc", "warc.gz"]), gzip.compress(data) if rng.random() < 0.3 else data


def regex_hostile(rng):
    kind = rng.choice(["quotes", "numbers", "dates", "caps", "dashes", "no_punct", "parens"])
    n = rng.choice([10_000, 100_000])
    if kind == "quotes":
        return "txt", '"' * n + " said the minister " + "\u201c" * n
    if kind == "numbers":
        return "txt", " ".join(["1,000,000.5"] * n) + " troops"
    if kind == "dates":
        return "txt", " ".join(["on Monday, 3 March 2024, next week"] * (n // 10))
    if kind == "caps":
        return "txt", " ".join(["Minister President General Secretary"] * (n // 4)) + " said."
    if kind == "dashes":
        return "txt", "-" * n + " 5 - 6 - 7 " * (n // 10)
    if kind == "parens":
        return "txt", "(" * n + PARAGRAPH + ")" * n
    return "txt", " ".join(["talks"] * n)


def many_paragraphs(rng):
    n = rng.choice([2_000, 20_000])
    if rng.random() < 0.5:
        return "txt", "\n\n".join([PARAGRAPH] * n)
    return "html", html_page("".join(f"<p>{PARAGRAPH} {i}</p>" for i in range(n)))


def script_payloads(rng):
    payloads = [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "javascript:alert(1)",
        "</title><script>alert(1)</script>",
        "{{7*7}}{% raw %}",
        "<svg/onload=alert(1)>",
        "[click](javascript:alert(1))",
        "\u001b[31mred\u001b[0m",
    ]
    p = rng.choice(payloads)
    head = f'<meta name="author" content="{p}"><meta property="og:site_name" content="{p}">'
    return "html", html_page(f"<p>{p} {PARAGRAPH}</p><p>{PARAGRAPH} {p}</p>", title=p, head=head)


def json_ld(rng):
    depth = rng.choice([1_000, 50_000])
    blob = '{"a":' * depth + "1" + "}" * depth
    body = '{"@type":"NewsArticle","articleBody":' + rng.choice(['"' + "x" * (1 << 20) + '"', "123", "null", '["a",{"b":[]}]']) + "}"
    head = f'<script type="application/ld+json">{blob}</script><script type="application/ld+json">{body}</script>'
    return "html", html_page(f"<p>{PARAGRAPH}</p>", head=head)


FAMILIES = [
    deep_nesting,
    megabyte_line,
    nul_bytes,
    invalid_utf8,
    mixed_encodings,
    bidi_and_invisible,
    decompression_bomb,
    tiny_or_empty,
    feed_entities,
    lying_warc,
    regex_hostile,
    many_paragraphs,
    script_payloads,
    json_ld,
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--variants", type=int, default=72)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    count = 0
    for family in FAMILIES:
        for variant in range(args.variants):
            extension, data = family(rng)
            write(args.out, f"{family.__name__}-{variant:03}.{extension}", data)
            count += 1
    # One sparse 1-GB file: the reader must refuse it at its size cap without reading it all.
    with open(os.path.join(args.out, "huge-1gb.txt"), "wb") as f:
        f.truncate(1 << 30)
    count += 1
    # File names are untrusted too.
    for name in ["new\nline.txt", "tab\there.txt", "\u202eevil.txt", "-dash.txt", "sp ace.txt"]:
        write(args.out, name, PARAGRAPH)
        count += 1
    print(f"{count} inputs written to {args.out}")


if __name__ == "__main__":
    main()
