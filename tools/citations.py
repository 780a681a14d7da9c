"""Citations without Pandoc: a small BibTeX reader and a renderer of Pandoc's citation syntax, for tools/preview.py.

The site (Quarto) renders `[@key]`, `[@a; @b]`, `[see @key, p. 3]`, `[-@key]` and narrative `@key` from
nbs/refs.bib with citeproc, in its default style (Chicago author-date), and appends the list of the works a page
cites. This module does the same plainly for the offline preview:

    bib = read_bib('nbs/refs.bib')
    md, cited, missing = cite_markdown('as @hinton2006fast showed [@hinton2002training]', bib)
    # 'as [Hinton, Osindero, and Teh (2006)](#ref-hinton2006fast) showed ([Hinton 2002](#ref-hinton2002training))'
    references_html(bib, cited)   # <div id="refs">, one entry per cited work, anchors ref-KEY as Pandoc makes them

It reads the entries refs.bib uses (a type, a key, `field = {value}` or `"value"` or a number; `--` for page
ranges; braces that protect capitals; a few LaTeX accents), not the whole of BibTeX (no @string, no `#`).
A key that refs.bib lacks is shown as **?key**, as citeproc shows it, and reported, so a typo cannot hide.
Code spans, fenced code, math, HTML tags and link targets are left alone.
"""
import html, re
from pathlib import Path

# ---------------------------------------------------------------------------------------------------- reading BibTeX

_ACCENTS = {"'": '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304', '.': '\u0307',
            'c': '\u0327', 'v': '\u030c', 'u': '\u0306', 'H': '\u030b'}


def _latex_text(s):
    "A BibTeX value as plain text: accents, dashes, escapes and case-protecting braces resolved."
    import unicodedata
    def accent(m): return unicodedata.normalize('NFC', m.group(2) + _ACCENTS[m.group(1)])
    s = re.sub(r'\\(?:url|emph|textit|textbf|mbox)\s*\{', '{', s)
    s = re.sub(r'''\\([\'`^"~=.])\s*\{?([A-Za-z])\}?''', accent, s)
    s = re.sub(r'\\([cvuH])(?:\s+|\{)([A-Za-z])\}?', accent, s)
    s = s.replace('---', '\u2014').replace('--', '\u2013').replace('~', '\u00a0')
    s = re.sub(r'\\([&%$#_{}])', r'\1', s)
    s = s.replace('{', '').replace('}', '')
    return re.sub(r'\s+', ' ', s).strip()


def _split_top(s, sep_re, quotes=False):
    "Split `s` on `sep_re` where it is outside braces (and, with `quotes`, outside double quotes)."
    parts, depth, quoted, start, i = [], 0, False, 0, 0
    while i < len(s):
        ch = s[i]
        if ch == '{': depth += 1
        elif ch == '}': depth -= 1
        elif ch == '"' and quotes and depth == 0: quoted = not quoted
        elif depth == 0 and not quoted:
            m = sep_re.match(s, i)
            if m:
                parts.append(s[start:i]); start = i = m.end(); continue
        i += 1
    parts.append(s[start:])
    return parts


def _names(s):
    "BibTeX names ('Last, First and First Last') as [(first, last)]."
    out = []
    for n in _split_top(s, re.compile(r'\s+and\s+')):
        n = n.strip()
        if not n: continue
        if ',' in n:
            last, first = (p.strip() for p in n.split(',', 1))
        else:
            words = _split_top(n, re.compile(r'\s+'))
            last, first = words[-1], ' '.join(words[:-1])
        out.append((_latex_text(first), _latex_text(last)))
    return out


def parse_bib(text):
    "Entries of a BibTeX text as {key: {'ENTRYTYPE', 'ID', 'authors': [(first, last)], field: plain text}}."
    entries, i, n = {}, 0, len(text)
    while True:
        at = text.find('@', i)
        if at < 0: break
        m = re.compile(r'@\s*(\w+)\s*([{(])').match(text, at)
        if not m: i = at + 1; continue
        typ, close = m.group(1).lower(), '}' if m.group(2) == '{' else ')'
        # the body runs to the matching bracket
        opener = m.group(2)
        j, depth = m.end(), 1
        while j < n and depth:
            if text[j] == opener: depth += 1
            elif text[j] == close: depth -= 1
            j += 1
        body, i = text[m.end():j - 1], j
        if typ in ('comment', 'preamble', 'string'): continue
        key, _, rest = body.partition(',')
        e = {'ENTRYTYPE': typ, 'ID': key.strip()}
        for field in _split_top(rest, re.compile(r','), quotes=True):
            name, eq, value = field.partition('=')
            if not eq: continue
            value = value.strip()
            if value[:1] + value[-1:] in ('""', '{}'): value = value[1:-1]
            e[name.strip().lower()] = value
        e['authors'] = _names(e.pop('author', '')) if 'author' in e else []
        if 'editor' in e: e['editors'] = _names(e.pop('editor'))
        for k in list(e):
            if k not in ('ENTRYTYPE', 'ID', 'authors', 'editors', 'url', 'doi'): e[k] = _latex_text(e[k])
        for k in ('url', 'doi'):
            if k in e: e[k] = re.sub(r'[{}]', '', e[k]).strip()
        entries[e['ID']] = e
    _labels(entries)
    return entries


def read_bib(path):
    "The entries of a BibTeX file (see `parse_bib`); {} when there is no such file."
    p = Path(path)
    return parse_bib(p.read_text(encoding='utf-8')) if p.exists() else {}


def _short(e):
    "The author part of an author-date citation, Chicago style: A; A and B; A, B, and C; A et al."
    last = [l for _, l in e['authors'] or e.get('editors', [])] or [e.get('title', e['ID'])]
    if len(last) == 1: return last[0]
    if len(last) == 2: return f'{last[0]} and {last[1]}'
    if len(last) == 3: return f'{last[0]}, {last[1]}, and {last[2]}'
    return f'{last[0]} et al.'


def _labels(entries):
    "Give every entry its 'author_label' and 'year_label' (2006a, 2006b where two would read alike)."
    seen = {}
    for e in entries.values():
        e['author_label'] = _short(e)
        seen.setdefault((e['author_label'], e.get('year', 'n.d.')), []).append(e)
    for (_, year), es in seen.items():
        for k, e in enumerate(es):
            e['year_label'] = year + ('abcdefghijklmnopqrstuvwxyz'[k] if len(es) > 1 else '')


# --------------------------------------------------------------------------------------------- rendering citations

_KEY = r'\w(?:\w|[:.#$%&\-+?<>~/](?=\w))*'
# what is not prose: fenced code, code spans, display and inline math, HTML tags, link targets, escaped @
_SKIP = re.compile(r'(```.*?```|~~~.*?~~~|`+[^`]*`+|\$\$.*?\$\$|\$[^$\n]+\$|<[A-Za-z/!][^<>\n]*>|\]\([^)\s]*\)|\\@)', re.S)
_GROUP = re.compile(r'\[((?:[^\[\]\n]|\n(?![ \t]*\n))*@(?:[^\[\]\n]|\n(?![ \t]*\n))*)\](?![(\[])')   # within a paragraph
_ITEM = re.compile(r'^(.*?)(?<![\w@])(-?)@(' + _KEY + r')(.*)$', re.S)
_NARRATIVE = re.compile(r'(?<![\w@\\])@(' + _KEY + r')(?:(\s?)\[([^\[\]@\n]*)\](?![(\[:]))?')


def _link(text, key, link):
    return f'[{text}](#ref-{key})' if link else text


def _missing(key, missing):
    missing.append(key)
    return f'**?{key}**'


def _cite_group(m, bib, cited, missing, link):
    "`[prefix @key, suffix; ...]` as `(prefix Author Year, suffix; ...)`, or None when it is not a citation."
    line_start = m.string.rfind('\n', 0, m.start()) + 1
    if not m.string[line_start:m.start()].strip() and m.string[m.end():m.end() + 1] == ':': return None   # [x]: url
    items = []
    for part in m.group(1).split(';'):
        im = _ITEM.match(re.sub(r'\s+', ' ', part).strip())
        if not im or '@' in im.group(1) or '@' in im.group(4): return None
        items.append(im.groups())
    out = []
    for prefix, suppress, key, suffix in items:
        if key not in bib: out.append((prefix + ' ' if prefix else '') + _missing(key, missing)); continue
        cited.append(key)
        e = bib[key]
        core = e['year_label'] if suppress else f"{e['author_label']} {e['year_label']}"
        suffix = suffix.strip()
        if suffix and not suffix.startswith(','): suffix = ' ' + suffix
        out.append((prefix.strip() + ' ' if prefix.strip() else '') + _link(core, key, link) + suffix)
    return '(' + '; '.join(out) + ')'


def _cite_narrative(m, bib, cited, missing, link):
    key, locator = m.group(1), m.group(3)
    if key not in bib: return _missing(key, missing) + (f'{m.group(2)}[{locator}]' if locator is not None else '')
    cited.append(key)
    e = bib[key]
    inner = e['year_label'] + (f', {locator.strip()}' if locator and locator.strip() else '')
    return _link(f"{e['author_label']} ({inner})", key, link)


def _prose(text, bib, cited, missing, link):
    text = _GROUP.sub(lambda m: _cite_group(m, bib, cited, missing, link) or m.group(0), text)
    return _NARRATIVE.sub(lambda m: _cite_narrative(m, bib, cited, missing, link), text)


def cite_markdown(md, bib, link=True):
    "Replace Pandoc citations in markdown with author-date text; return (markdown, cited keys, missing keys)."
    cited, missing, kept = [], [], []
    def keep(m):   # code, math, tags and link targets sit out as placeholders, so a citation may hold a code span
        kept.append(m.group(0))
        return f'\x00{len(kept) - 1}\x00'
    text = _prose(_SKIP.sub(keep, md.replace('\x00', '')), bib, cited, missing, link)
    return re.sub('\x00(\\d+)\x00', lambda m: kept[int(m.group(1))], text), cited, missing


# ---------------------------------------------------------------------------------------------- the reference list

def _full_names(names):
    "Authors as Chicago writes them in a reference list: 'Last, First, First Last, and First Last'."
    parts = [f'{l}, {f}' if f else l for f, l in names[:1]] + [f'{f} {l}'.strip() for f, l in names[1:]]
    if len(parts) <= 1: return ''.join(parts)
    return ', '.join(parts[:-1]) + ', and ' + parts[-1]


def _end(s): return s if s.endswith(('.', '?', '!')) else s + '.'


def format_entry(e):
    "One reference-list entry as HTML, close to Chicago author-date (the style Quarto uses by default)."
    esc, t = html.escape, e.get('ENTRYTYPE', 'misc')
    who = _full_names(e['authors'] or e.get('editors', [])) or e.get('title', e['ID'])
    bits = [esc(_end(who)), esc(_end(e['year_label']))]
    title = e.get('title', '')
    if t in ('book', 'phdthesis', 'mastersthesis') and title: bits.append(f'<em>{esc(_end(title))}</em>')
    elif title: bits.append(f'\u201c{esc(_end(title))}\u201d')
    if t == 'article':
        src = f"<em>{esc(e.get('journal', ''))}</em>"
        if e.get('volume'): src += ' ' + esc(e['volume'])
        if e.get('number'): src += f" ({esc(e['number'])})"
        if e.get('pages'): src += ': ' + esc(e['pages'])
        bits.append(src + '.')
    elif t in ('inproceedings', 'incollection', 'conference'):
        src = f"In <em>{esc(e.get('booktitle', ''))}</em>"
        if e.get('pages'): src += ', ' + esc(e['pages'])
        bits.append(src + '.')
        if e.get('series'): bits.append(esc(_end(e['series'] + (f" {e['volume']}" if e.get('volume') else ''))))
        if e.get('publisher'): bits.append(esc(_end(e['publisher'])))
    elif t == 'book':
        pub = ': '.join(x for x in (e.get('address'), e.get('publisher')) if x)
        if pub: bits.append(esc(_end(pub)))
    elif t == 'techreport':
        bits.append(esc(_end(' '.join(x for x in (e.get('type', 'Technical Report'), e.get('number')) if x))))
        if e.get('institution'): bits.append(esc(_end(e['institution'])))
    elif e.get('howpublished'): bits.append(esc(_end(e['howpublished'])))
    url = f"https://doi.org/{e['doi']}" if e.get('doi') else e.get('url')
    if url: bits.append(f'<a href="{esc(url)}">{esc(url)}</a>.')
    return ' '.join(bits)


def _sort_key(e):
    return ([l.lower() for _, l in e['authors']] or [e.get('title', '').lower()], e.get('year_label', ''), e.get('title', ''))


def references_html(bib, keys):
    "The reference list of the cited `keys` (each once, sorted as Chicago sorts) as Pandoc's #refs div."
    es = sorted({k: bib[k] for k in keys if k in bib}.values(), key=_sort_key)
    rows = ''.join(f'<div id="ref-{html.escape(e["ID"])}" class="csl-entry" role="listitem">{format_entry(e)}</div>\n'
                   for e in es)
    return f'<div id="refs" class="references csl-bib-body hanging-indent" role="list">\n{rows}</div>'
