"""Precision and recall of lintnews rules on trafilatura's annotated extraction benchmark.

Method (see the eval set's README):

1. Each page (``html/<doc_id>.html.gz``) is decoded with its declared charset (``<meta charset>``
   or ``http-equiv`` content type in the first 4 KB; ISO-8859-1/ASCII read as windows-1252 like a
   browser), falling back to UTF-8 with replacement, and turned into text as an ingestion pipeline
   would, one block per line:
   ``trafilatura`` = ``trafilatura.extract(html)``; ``trafilatura-recall`` = the same with
   ``favor_recall=True``; ``html2text`` = html2text on the whole page with ``body_width=0`` (no
   wrapping), ``ignore_links`` and ``ignore_images`` (URLs would split snippets in two) and
   ``unicode_snob`` (keep accented letters).
   Two more extractors are run only when named (``--extractor resiliparse|justext``, or
   ``--extractor every`` for all five; ``all`` stays the three above):
   ``resiliparse`` = ``resiliparse.extract.html2text.extract_plain_text(html, main_content=True,
   alt_texts=False)`` (DCLM's extractor; its defaults otherwise: block formatting kept, a blank line
   between blocks, list bullets, no link URLs, no form fields, no ``<noscript>``, comment sections
   kept as main content); ``justext`` = ``justext.justext`` with the stoplist of the page's
   language (``lintnews.language.detect`` on the text of every paragraph jusText reads, mapped by
   `JUSTEXT_STOPLISTS`; English when it detects none or jusText has no stoplist for it: Chinese,
   Japanese, Thai), the paragraphs that are not boilerplate one per line.
   Texts are cached in ``<cache>/<extractor>/<doc_id>.txt`` (rebuilt when the options or library
   version in its ``STAMP`` file change); extraction runs in 2 processes.
2. Every text is linted in-process with ``Linter(Settings(select=["ALL"]))`` (or ``--select``;
   ``--select DEFAULT`` is lintnews's default selection, `selection`).
   Corpus-phase rules are not run; E9xx internal errors are not scored but are reported.
3. Text and snippets are reduced to case-folded letter/digit tokens (NFKC, soft hyphens and
   zero-width characters removed). A snippet "appears" when its token sequence occurs in the text;
   an occurrence (a copy) "holds" the lines from its first to its last token. Snippets of fewer
   than 2 tokens are skipped (counted). A ``with`` snippet (main text) is *false-flagged* when
   every copy of it has a line some diagnostic covers: on a whole page (html2text) the first copy
   of an article's title or line is often a menu item, a teaser of it or a pull-quote, which rules
   rightly flag while the article's copy stays; the report counts the ``with`` snippets found more
   than once. A ``without`` snippet (boilerplate) is *recalled* when a diagnostic of family S, B
   or G covers one of the lines of its first copy.
4. Pages are grouped by ``lintnews.language.detect`` on the page's ``trafilatura.extract`` text
   (html2text text when that is empty): ``en`` versus everything else (``other``, incl. undetected).
5. A ``without`` snippet is "plain chrome" when its tokens contain a keyword of one of the
   categories in `CHROME` (en/de/fr/es); recall on that subset is reported separately. This is
   measurement only, not a rule. Targets: >60 % chrome recall, <1 % false flags overall, <0.5 % per
   rule.
"""

from __future__ import annotations

import argparse
import codecs
import gzip
import importlib.metadata
import json
import os
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing import Pool
from pathlib import Path
from typing import Any

#: The extractors ``--extractor all`` runs (the README's figures are quoted for them).
EXTRACTORS = ("trafilatura", "trafilatura-recall", "html2text")
#: Extractors run only when named, or with ``--extractor every``.
MORE_EXTRACTORS = ("resiliparse", "justext")
EVERY_EXTRACTOR = (*EXTRACTORS, *MORE_EXTRACTORS)
EXTRACTION_OPTIONS = {
    "trafilatura": "extract()",
    "trafilatura-recall": "extract(favor_recall=True)",
    "html2text": "body_width=0 ignore_links ignore_images unicode_snob",
    "resiliparse": (
        "extract_plain_text(main_content=True preserve_formatting=True list_bullets=True alt_texts=False"
        " links=False form_fields=False noscript=False comments=True)"
    ),
    "justext": "justext(stoplist of the detected language else English) not is_boilerplate, a paragraph a line",
}
#: The library whose version each extractor's cache depends on.
EXTRACTION_LIBRARY = {
    "trafilatura": "trafilatura",
    "trafilatura-recall": "trafilatura",
    "html2text": "html2text",
    "resiliparse": "resiliparse",
    "justext": "justext",
}
#: ``lintnews.language.detect``'s codes -> jusText's stoplist names (the languages jusText has a
#: stoplist for; others, Chinese, Japanese and Thai, get English's).
JUSTEXT_STOPLISTS = {
    "ar": "Arabic",
    "bg": "Bulgarian",
    "bn": "Bengali",
    "ca": "Catalan",
    "cs": "Czech",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "et": "Estonian",
    "fa": "Persian",
    "fi": "Finnish",
    "fr": "French",
    "he": "Hebrew",
    "hi": "Hindi",
    "hr": "Croatian",
    "hu": "Hungarian",
    "id": "Indonesian",
    "it": "Italian",
    "ko": "Korean",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "nb": "Norwegian_Bokmal",
    "nl": "Dutch",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sk": "Slovak",
    "sl": "Slovenian",
    "sq": "Albanian",
    "sr": "Serbian",
    "sv": "Swedish",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "ur": "Urdu",
    "vi": "Vietnamese",
}
GROUPS = ("en", "other")
SCORED_FAMILIES = ("S", "B", "G")
TOKEN = re.compile(r"[^\W_]+")  # letters and digits; "_" is Markdown emphasis
CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
BROWSER_ALIASES = dict.fromkeys(
    ("iso-8859-1", "iso8859-1", "latin-1", "latin1", "us-ascii", "ascii"), "cp1252"
)

#: Keywords per chrome category (en/de/fr/es), ``|``-separated. Whitespace separates the tokens of a
#: phrase; a trailing ``*`` matches any token with that prefix.
CHROME: dict[str, str] = {
    "comments": (
        "comment*|leave a reply|reply|replies|kommentar*|antworten|commentaire*|répondre|"
        "comentario*|responder|comentar|e mail adresse wird nicht|email address will not|"
        "adresse e mail ne sera pas"
    ),
    "share/social": (
        "share|sharen|tweet|tweets|teilen|partager|partagez|compartir|facebook|twitter|whatsapp|"
        "pinterest|linkedin|instagram"
    ),
    "newsletter": (
        "newsletter*|subscribe*|abonnieren|abonnez|abonnement|abo|suscríbete|suscribir*|inscrivez|sign up"
    ),
    "related": (
        "related|you might also like|you may also like|read more|read also|more on|more from|"
        "see also|previous post|next post|older post*|newer post*|ähnliche*|mehr zum thema|mehr zu|"
        "weitere artikel|lesen sie auch|auch interessant|könnte sie auch interessieren|weiterlesen|"
        "mehr lesen|à lire aussi|lire aussi|voir aussi|sur le même sujet|articles similaires|"
        "lire la suite|relacionad*|te puede interesar|lee también|leer más|más noticias|"
        "noticias relacionadas"
    ),
    "cookie": (
        "cookie*|consent|privacy policy|datenschutzerklärung|einwilligung|akzeptieren|"
        "politique de confidentialité|política de privacidad|aceptar"
    ),
    "advertisement": (
        "advertisement*|advertising|sponsored|anzeige|werbung|gesponsert|publicité|publicidad|patrocinado"
    ),
}


_INVISIBLE = dict.fromkeys(map(ord, "\xad\u200b\u200c\u200d\u2060\ufeff"))


def tokens(text: str) -> list[str]:
    """Case-folded letter/digit tokens after NFKC, without soft hyphens and zero-width marks."""
    return TOKEN.findall(unicodedata.normalize("NFKC", text.translate(_INVISIBLE)).casefold())


_CHROME_PHRASES = [
    (c, [(tokens(p.rstrip("*")), p.endswith("*")) for p in ps.split("|")]) for c, ps in CHROME.items()
]


def chrome_categories(snippet_tokens: list[str]) -> list[str]:
    """The `CHROME` categories whose keywords occur in a snippet's tokens."""
    out = []
    for category, phrases in _CHROME_PHRASES:
        for words, prefix in phrases:
            n = len(words)
            if any(
                snippet_tokens[i : i + n - 1] == words[:-1]
                and (
                    snippet_tokens[i + n - 1].startswith(words[-1])
                    if prefix
                    else snippet_tokens[i + n - 1] == words[-1]
                )
                for i in range(len(snippet_tokens) - n + 1)
            ):
                out.append(category)
                break
    return out


# ---------------------------------------------------------------------------------------- extraction
def decode_html(data: bytes) -> str:
    """Page bytes to text with the declared charset, else UTF-8 with replacement."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace")
    m = CHARSET.search(data[:4096])
    if m:
        name = m.group(1).decode("ascii", "replace").lower()
        name = BROWSER_ALIASES.get(name, name)
        try:
            codecs.lookup(name)
            return data.decode(name, "replace")
        except LookupError:
            pass
    return data.decode("utf-8", "replace")


def justext_stoplist(paragraphs: list[Any]) -> str:
    """The name of jusText's stoplist for the language of ``paragraphs`` (jusText's own, all of
    them): `JUSTEXT_STOPLISTS` of ``lintnews.language.detect`` on their text, else English."""
    from lintnews.language import detect

    lang = detect("\n".join(p.text for p in paragraphs))
    return JUSTEXT_STOPLISTS.get(lang or "en", "English")


def extract_justext(html: str) -> str:
    """jusText's paragraphs that are not boilerplate, one per line, classified with the stoplist
    of the page's language (`justext_stoplist`). The steps of ``justext.justext``, the paragraphs
    made before the stoplist is chosen."""
    import justext
    from justext import core

    dom = core.preprocessor(core.html_to_dom(html))
    paragraphs = core.ParagraphMaker.make_paragraphs(dom)
    stoplist = justext.get_stoplist(justext_stoplist(paragraphs))
    core.classify_paragraphs(
        paragraphs,
        stoplist,
        core.LENGTH_LOW_DEFAULT,
        core.LENGTH_HIGH_DEFAULT,
        core.STOPWORDS_LOW_DEFAULT,
        core.STOPWORDS_HIGH_DEFAULT,
        core.MAX_LINK_DENSITY_DEFAULT,
        core.NO_HEADINGS_DEFAULT,
    )
    core.revise_paragraph_classification(paragraphs, core.MAX_HEADING_DISTANCE_DEFAULT)
    return "".join(p.text + "\n" for p in paragraphs if not p.is_boilerplate)


def extract(extractor: str, html: str) -> str:
    if extractor == "resiliparse":
        from resiliparse.extract.html2text import extract_plain_text

        text = extract_plain_text(
            html,
            main_content=True,
            preserve_formatting=True,  # a block a line (a blank line between blocks)
            list_bullets=True,
            alt_texts=False,  # an image's alt text is no line of the page a reader reads
            links=False,  # no URLs (they would split lines the gold has whole)
            form_fields=False,
            noscript=False,
            comments=True,  # reader comments kept, as trafilatura's default keeps them
        )
    elif extractor == "justext":
        text = extract_justext(html)
    elif extractor == "html2text":
        import html2text

        h = html2text.HTML2Text()
        h.body_width = 0
        h.ignore_links = True
        h.ignore_images = True
        h.unicode_snob = True  # else "&uuml;" becomes "u"
        text = h.handle(html)
    else:
        import trafilatura

        text = trafilatura.extract(html, favor_recall=extractor == "trafilatura-recall") or ""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def cache_stamp(extractor: str) -> str:
    """What the cached texts of ``extractor`` depend on; a cache with another stamp is rebuilt."""
    library = EXTRACTION_LIBRARY[extractor]
    try:
        version = importlib.metadata.version(library)
    except importlib.metadata.PackageNotFoundError:
        version = "?"
    return f"{EXTRACTION_OPTIONS[extractor]}; {library} {version}; decode v1\n"


def _extract_job(job: tuple[str, str, str]) -> str:
    extractor, src, dst = job
    with gzip.open(src, "rb") as fh:
        html = decode_html(fh.read())
    try:
        text = extract(extractor, html)
    except Exception as exc:  # noqa: BLE001 (one broken page must not stop the run)
        print(f"warning: {extractor} failed on {src}: {exc}", file=sys.stderr)
        text = ""
    tmp = f"{dst}.{os.getpid()}.tmp"
    Path(tmp).write_text(text, encoding="utf-8")
    os.replace(tmp, dst)
    return dst


def ensure_extracted(
    eval_dir: Path, doc_ids: list[str], extractors: list[str], cache: Path, workers: int = 2
) -> None:
    jobs = []
    for ex in extractors:
        (cache / ex).mkdir(parents=True, exist_ok=True)
        stamp_file, stamp = cache / ex / "STAMP", cache_stamp(ex)
        if stamp_file.exists() and stamp_file.read_text(encoding="utf-8") != stamp:
            print(f"{ex}: extraction changed, rebuilding its cache", file=sys.stderr)
            for old in (cache / ex).glob("*.txt"):
                old.unlink()
        if not stamp_file.exists() or stamp_file.read_text(encoding="utf-8") != stamp:
            stamp_file.write_text(stamp, encoding="utf-8")  # (an unchanged cache is only read)
        for doc_id in doc_ids:
            dst = cache / ex / f"{doc_id}.txt"
            if not dst.exists():
                jobs.append((ex, str(eval_dir / "html" / f"{doc_id}.html.gz"), str(dst)))
    if not jobs:
        return
    print(f"extracting {len(jobs)} texts with {workers} processes ...", file=sys.stderr)
    with Pool(workers) as pool:
        for _ in pool.imap_unordered(_extract_job, jobs, chunksize=4):
            pass


def chosen_extractors(choice: str) -> list[str]:
    """The extractors an ``--extractor`` choice names: ``all`` the three of `EXTRACTORS`,
    ``every`` all five (`EVERY_EXTRACTOR`), else the one named."""
    if choice == "all":
        return list(EXTRACTORS)
    if choice == "every":
        return list(EVERY_EXTRACTOR)
    return [choice]


def read_text(cache: Path, extractor: str, doc_id: str) -> str:
    return (cache / extractor / f"{doc_id}.txt").read_text(encoding="utf-8")


def page_languages(doc_ids: list[str], cache: Path) -> dict[str, str]:
    from lintnews.language import detect

    out = {}
    for doc_id in doc_ids:
        lang = None
        for ex in ("trafilatura", "html2text"):
            path = cache / ex / f"{doc_id}.txt"
            if lang is None and path.exists():
                lang = detect(path.read_text(encoding="utf-8"))
        out[doc_id] = "en" if lang == "en" else "other"
    return out


# ------------------------------------------------------------------------------------------- scoring
def locate_all(
    text_tokens: list[str], token_lines: list[int], snippet: list[str], index: dict[str, list[int]]
) -> Iterator[tuple[int, int]]:
    """1-based (first, last) lines of each occurrence of ``snippet`` in the text tokens, in order
    (an occurrence starts after the end of the one before)."""
    n = len(snippet)
    after = 0
    for i in index.get(snippet[0], ()):
        if i >= after and text_tokens[i : i + n] == snippet:
            yield token_lines[i] + 1, token_lines[i + n - 1] + 1
            after = i + n


def flags_of(flagged: dict[int, dict[str, Any]], copies: list[tuple[int, int]]) -> dict[str, Any]:
    """Code -> first diagnostic over the lines of ``copies`` when every copy carries one, else
    nothing (a copy is left alone)."""
    codes: dict[str, Any] = {}
    for first, last in copies:
        here = [flagged[n] for n in range(first, last + 1) if n in flagged]
        if not here:
            return {}
        for by_code in here:
            for code, d in by_code.items():
                codes.setdefault(code, d)
    return codes


@dataclass
class Score:
    extractor: str
    pages: Counter = field(default_factory=Counter)  # group -> pages
    totals: Counter = field(default_factory=Counter)  # (group, key) -> count
    chrome: Counter = field(default_factory=Counter)  # (group, category, "found"|"recalled")
    rule_ff: Counter = field(default_factory=Counter)  # (code, group) -> false-flagged with snippets
    rule_cover: Counter = field(default_factory=Counter)  # (code, group) -> without snippets covered
    rule_diags: Counter = field(default_factory=Counter)  # code -> diagnostics emitted
    names: dict[str, str] = field(default_factory=dict)
    #: code -> [(doc_id, snippet line, diagnostic line, message, line text)]
    false_flags: dict[str, list[tuple[str, int, int, str, str]]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def total(self, key: str, group: str | None = None) -> int:
        return sum(self.totals[(g, key)] for g in GROUPS if group in (None, g))

    def merge(self, other: Score, keep_false_flags: int) -> None:
        for name in ("pages", "totals", "chrome", "rule_ff", "rule_cover", "rule_diags"):
            getattr(self, name).update(getattr(other, name))
        self.names.update(other.names)
        for code, flags in other.false_flags.items():
            mine = self.false_flags.setdefault(code, [])
            mine.extend(flags[: max(keep_false_flags - len(mine), 0)])
        self.errors.extend(other.errors)


def score_texts(
    extractor: str,
    annotations: dict[str, Any],
    texts: dict[str, str],
    languages: dict[str, str],
    linter: Any,
    keep_false_flags: int = 0,
) -> Score:
    """Lint every text and score it against the snippets of its page."""
    from lintnews.document import Document

    score = Score(extractor)
    for doc_id, ann in annotations.items():
        group = languages.get(doc_id, "other")
        text = texts.get(doc_id, "")
        score.pages[group] += 1
        doc = Document(path=doc_id, text=text)
        flagged: dict[int, dict[str, Any]] = defaultdict(dict)  # line -> code -> first diagnostic
        for d in linter.lint(doc).diagnostics:
            if d.code.startswith("E9"):  # internal errors and suppression bookkeeping
                if d.code == "E900":
                    score.errors.append(f"{doc_id}: {d.code} {d.message}")
                continue
            score.rule_diags[d.code] += 1
            score.names[d.code] = d.name
            for line in range(d.line, max(d.end_line, d.line) + 1):
                flagged[line].setdefault(d.code, d)
        text_tokens: list[str] = []
        token_lines: list[int] = []
        for n, line in enumerate(doc.lines):
            for tok in tokens(line):
                text_tokens.append(tok)
                token_lines.append(n)
        index: dict[str, list[int]] = defaultdict(list)
        for i, tok in enumerate(text_tokens):
            index[tok].append(i)
        for kind in ("with", "without"):
            for snippet in ann.get(kind, []):
                snip = tokens(snippet)
                if len(snip) < 2:
                    score.totals[(group, f"{kind}_skipped")] += 1
                    continue
                score.totals[(group, f"{kind}_total")] += 1
                copies = list(locate_all(text_tokens, token_lines, snip, index))
                if not copies:
                    continue
                score.totals[(group, f"{kind}_found")] += 1
                if kind == "with" and len(copies) > 1:
                    score.totals[(group, "with_repeated")] += 1
                # A `with` snippet is false-flagged when no copy of it is left unflagged (the
                # first copy may be a menu item, a teaser or a pull-quote that repeats the
                # article's line); a `without` one is scored on its first copy.
                codes = flags_of(flagged, copies if kind == "with" else copies[:1])
                where = copies[0]
                if kind == "with":
                    if codes:
                        score.totals[(group, "with_flagged")] += 1
                    if any(code[0] in SCORED_FAMILIES for code in codes):
                        score.totals[(group, "with_flagged_sbg")] += 1
                    for code, d in codes.items():
                        score.rule_ff[(code, group)] += 1
                        flags = score.false_flags.setdefault(code, [])
                        sample = (doc_id, where[0], d.line, d.message, doc.lines[where[0] - 1])
                        if len(flags) < keep_false_flags and sample not in flags:
                            flags.append(sample)
                    continue
                recalled = any(code[0] in SCORED_FAMILIES for code in codes)
                score.totals[(group, "without_recalled")] += recalled
                for code in codes:
                    score.rule_cover[(code, group)] += 1
                categories = chrome_categories(snip)
                for category in categories + (["any"] if categories else []):
                    score.chrome[(group, category, "found")] += 1
                    score.chrome[(group, category, "recalled")] += recalled
    return score


# -------------------------------------------------------------------------------------------- report
def pct(n: int, d: int, digits: int = 1) -> str:
    return f"{100 * n / d:.{digits}f} %" if d else "–"


def table(header: list[str], rows: list[list[Any]]) -> str:
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" if i == 0 else "--:" for i in range(len(header))) + "|",
    ]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def overall_table(scores: list[Score]) -> str:
    keys = ("with_total", "with_found", "with_flagged", "with_flagged_sbg")
    keys += ("without_total", "without_found", "without_recalled")
    rows = []
    for s in scores:
        for group in (*GROUPS, None):
            t = {key: s.total(key, group) for key in keys}
            ff, ff_sbg, recalled = t["with_flagged"], t["with_flagged_sbg"], t["without_recalled"]
            rows.append(
                [
                    s.extractor,
                    group or "all",
                    s.pages[group] if group else sum(s.pages.values()),
                    f"{t['with_found']}/{t['with_total']}",
                    f"{ff} ({pct(ff, t['with_found'], 2)})",
                    f"{ff_sbg} ({pct(ff_sbg, t['with_found'], 2)})",
                    f"{t['without_found']}/{t['without_total']}",
                    f"{recalled} ({pct(recalled, t['without_found'])})",
                ]
            )
    header = ["extractor", "lang", "pages", "with found", "false flags (any rule)", "false flags (S/B/G)"]
    return table([*header, "without found", "recalled (S/B/G)"], rows)


def rule_table(s: Score) -> str:
    found = {g: s.total("with_found", g) for g in GROUPS}
    all_found = sum(found.values())
    codes = sorted(s.rule_diags, key=lambda c: (-sum(s.rule_ff[(c, g)] for g in GROUPS), c))
    rows = []
    for code in codes:
        ff = {g: s.rule_ff[(code, g)] for g in GROUPS}
        cov = {g: s.rule_cover[(code, g)] for g in GROUPS}
        ff_all = sum(ff.values())
        rows.append(
            [
                code,
                s.names.get(code, ""),
                s.rule_diags[code],
                f"{ff['en']} ({pct(ff['en'], found['en'], 2)})",
                f"{ff['other']} ({pct(ff['other'], found['other'], 2)})",
                f"{ff_all} ({pct(ff_all, all_found, 2)})",
                cov["en"],
                cov["other"],
                sum(cov.values()),
            ]
        )
    if not rows:
        return "(no rule produced a diagnostic)"
    return table(
        ["code", "name", "diags", "FF en", "FF other", "FF all", "covers without en", "other", "all"], rows
    )


def chrome_table(scores: list[Score]) -> str:
    rows = []
    for s in scores:
        for category in (*CHROME, "any"):
            cells = []
            for group in (*GROUPS, None):
                f = sum(s.chrome[(g, category, "found")] for g in GROUPS if group in (None, g))
                r = sum(s.chrome[(g, category, "recalled")] for g in GROUPS if group in (None, g))
                cells.append(f"{r}/{f} ({pct(r, f)})")
            rows.append([s.extractor, category, *cells])
    return table(["extractor", "chrome category", "recalled en", "recalled other", "recalled all"], rows)


def report(scores: list[Score], show_false_flags: int = 0) -> str:
    out = ["### Overall", "", overall_table(scores), ""]
    if scores:
        w, wo = scores[0].total("with_skipped"), scores[0].total("without_skipped")
        out += [f"Skipped snippets (< 2 tokens): {w} with, {wo} without ({w + wo} in all)."]
        repeated = ", ".join(f"{s.extractor} {s.total('with_repeated')}" for s in scores)
        out += [f"`with` snippets found more than once (false flag: every copy flagged): {repeated}."]
    out += ["Language: `lintnews.language.detect` on the page's `trafilatura.extract` text.", ""]
    out += ["### Plain-chrome `without` snippets (keyword categories)", "", chrome_table(scores), ""]
    for s in scores:
        out += [f"### Per rule: {s.extractor}", "", rule_table(s), ""]
        if s.errors:
            out += [f"**{len(s.errors)} internal errors (E900)**, first: {s.errors[0]}", ""]
        if show_false_flags:
            for code in sorted(s.false_flags):
                out.append(f"False flags of {code} ({s.extractor}):")
                for doc_id, line, diag_line, message, text in s.false_flags[code]:
                    at = "" if diag_line == line else f" (diagnostic at line {diag_line})"
                    out.append(f"  {doc_id}:{line} {code} {message}{at} | {text[:120]!r}")
            out.append("")
    return "\n".join(out)


def to_json(s: Score) -> dict[str, Any]:
    return {
        "extractor": s.extractor,
        "pages": dict(s.pages),
        "totals": {f"{g}:{k}": v for (g, k), v in s.totals.items()},
        "chrome": {f"{g}:{c}:{k}": v for (g, c, k), v in s.chrome.items()},
        "rules": {
            c: {
                "name": s.names.get(c, ""),
                "diagnostics": s.rule_diags[c],
                "false_flags": {g: s.rule_ff[(c, g)] for g in GROUPS},
                "covers_without": {g: s.rule_cover[(c, g)] for g in GROUPS},
            }
            for c in sorted(s.rule_diags)
        },
        "internal_errors": s.errors,
    }


# ---------------------------------------------------------------------------------------------- main
def selection(select: str | None) -> Any:
    """The `Settings` of ``--select``: its selectors (``ALL`` when not given), or, when it names
    ``DEFAULT``, lintnews's default selection extended with the other selectors, so that the
    README can score what users run without listing its codes (which would go stale)."""
    from lintnews.config import Settings

    codes = [c.strip() for c in select.split(",") if c.strip()] if select else ["ALL"]
    if "DEFAULT" in codes:
        return Settings(extend_select=[c for c in codes if c != "DEFAULT"])
    return Settings(select=codes)


_worker_linter: Any = None


def _init_lint_worker(settings: Any) -> None:
    from lintnews.engine import Linter

    global _worker_linter
    _worker_linter = Linter(settings)


def _score_chunk(args: tuple[str, dict[str, Any], dict[str, str], dict[str, str], int]) -> Score:
    return score_texts(*args[:4], _worker_linter, args[4])


def evaluate(
    eval_dir: Path,
    extractors: list[str],
    cache: Path,
    settings: Any = None,
    limit: int | None = None,
    show_false_flags: int = 0,
    workers: int = 2,
    linter: Any = None,
) -> list[Score]:
    """Extract (or read cached) texts, lint them with ``linter`` (else ``Linter(settings)``, in
    ``workers`` processes) and score each extractor."""
    annotations = json.loads((eval_dir / "annotations.json").read_text(encoding="utf-8"))
    doc_ids = sorted(annotations)[:limit] if limit else sorted(annotations)
    annotations = {d: annotations[d] for d in doc_ids}
    ensure_extracted(eval_dir, doc_ids, sorted(set(extractors) | {"trafilatura"}), cache, workers)
    languages = page_languages(doc_ids, cache)
    parallel = linter is None and workers > 1
    if linter is None and not parallel:
        from lintnews.engine import Linter

        linter = Linter(settings)
    pool = Pool(workers, _init_lint_worker, (settings,)) if parallel else None
    scores = []
    try:
        for ex in extractors:
            texts = {d: read_text(cache, ex, d) for d in doc_ids}
            if pool is None:
                scores.append(score_texts(ex, annotations, texts, languages, linter, show_false_flags))
                continue
            size = max(len(doc_ids) // (workers * 8), 1)
            chunks = [doc_ids[i : i + size] for i in range(0, len(doc_ids), size)]
            jobs = [
                (ex, {d: annotations[d] for d in c}, {d: texts[d] for d in c}, languages, show_false_flags)
                for c in chunks
            ]
            score = Score(ex)
            for part in pool.imap(_score_chunk, jobs):
                score.merge(part, show_false_flags)
            scores.append(score)
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", type=Path, help="folder with annotations.json and html/")
    parser.add_argument(
        "--extractor",
        choices=(*EVERY_EXTRACTOR, "all", "every"),
        default="all",
        help=f"'all' is {', '.join(EXTRACTORS)}; 'every' adds {', '.join(MORE_EXTRACTORS)}",
    )
    parser.add_argument(
        "--select",
        help="comma-separated rule selectors (default: ALL); DEFAULT is the rules `lintnews check` "
        "runs without a configuration, and DEFAULT,CODE... adds others to them",
    )
    parser.add_argument("--cache", type=Path, default=Path(__file__).parent / "out" / "extracted")
    parser.add_argument("--json", type=Path, help="also write the scores as JSON here")
    parser.add_argument("--limit", type=int, help="only the first N pages (by doc id)")
    parser.add_argument(
        "--show-false-flags",
        type=int,
        default=0,
        metavar="N",
        help="print up to N false-flagged `with` lines per rule",
    )
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)

    from lintnews.config import ConfigError
    from lintnews.engine import Linter

    settings = selection(args.select)
    try:
        rules = [r.code for r in Linter(settings).base_table.rules]
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    extractors = chosen_extractors(args.extractor)
    start = time.perf_counter()
    scores = evaluate(
        args.eval_dir, extractors, args.cache, settings, args.limit, args.show_false_flags, args.workers
    )
    print(report(scores, args.show_false_flags))
    print(f"Rules run: {', '.join(rules)}. Wall time {time.perf_counter() - start:.1f} s.")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps([to_json(s) for s in scores], indent=2, ensure_ascii=False), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
