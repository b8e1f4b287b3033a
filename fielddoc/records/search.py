"""Full-text search over records, in Cyrillic and Latin, with cross-script name matching.

The index is the contentless FTS5 table ``search_fts`` (unicode61, remove_diacritics 2)
keyed by ``records.rid``, with three columns: ``title``, ``content`` (the template's
searchable fields, and the en/ru/ky labels of chosen thesaurus terms) and ``names`` (the
transliteration match keys of every word, see translit.py).

A query is split into words; every word must match (AND), as a prefix, either the text
columns or one of its match keys in ``names``.

Prefixes are expanded here, not by FTS5: the query's tokens come from the index's own
tokenizer (a temporary FTS5 table with the same settings), and each token of three or more
characters becomes the OR of at most :data:`MAX_EXPANSIONS` index terms that start with it
(read from an ``fts5vocab`` table). FTS5's own ``"word" *`` syntax materialises a merged
doclist for every matching term, and with SQLCipher's ``cipher_memory_security`` (which
wipes every freed allocation) that cost p95 latencies of ~850 ms on 100k records; the
expanded query stays under 20 ms. Shorter tokens match exactly.

Query text never reaches FTS5 syntax unquoted: every term is a quoted string, so operators a
user types are searched as words.

Failure: a query with no words raises :class:`~fielddoc.errors.SearchQueryError`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from fielddoc.errors import SearchQueryError
from fielddoc.records import translit
from fielddoc.vault.connection import Connection

MAX_QUERY_WORDS = 16
MIN_PREFIX = 3  # shorter tokens match exactly: a one-letter prefix would match everything
MAX_EXPANSIONS = 32  # index terms one query token may stand for
DEFAULT_LIMIT = 200
CANDIDATES = 1000  # above this many matches, results come newest first (see search())
_NOTHING = '"\x01"'  # a term no tokenizer produces: an impossible clause


@dataclass(frozen=True)
class Hit:
    id: str
    template: str
    title: str
    updated_at: str


def index_record(
    conn: Connection, rid: int, title: str, texts: Iterable[str], *, new: bool = False
) -> None:
    """(Re)index one record; call inside the save transaction. ``new=True`` promises the
    record was never indexed (it was inserted in this transaction), which saves the delete."""
    content = "\n".join(texts)
    names = translit.index_text(f"{title}\n{content}")
    if not new:
        conn.execute("DELETE FROM search_fts WHERE rowid = ?", (rid,))
    conn.execute(
        "INSERT INTO search_fts (rowid, title, content, names) VALUES (?, ?, ?, ?)",
        (rid, title, content, names),
    )


def unindex_record(conn: Connection, rid: int) -> None:
    conn.execute("DELETE FROM search_fts WHERE rowid = ?", (rid,))


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _prepare(conn: Connection) -> None:
    """Per-connection temporary helpers (in memory: temp_store = MEMORY)."""
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.fielddoc_query USING fts5 "
        "(q, tokenize = 'unicode61 remove_diacritics 2')"
    )
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.fielddoc_query_tokens "
        "USING fts5vocab(temp, fielddoc_query, 'instance')"
    )
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.fielddoc_terms "
        "USING fts5vocab(main, search_fts, 'row')"
    )


_TOKEN_CACHE: dict[str, tuple[str, ...]] = {}
_TOKEN_CACHE_SIZE = 4096


def _tokens(conn: Connection, text: str) -> tuple[str, ...]:
    """``text`` tokenised exactly as the index tokenises it, in order.

    The tokenizer is fixed, so results are cached per text (a small, bounded cache: only
    query words pass through here, never record content).
    """
    cached = _TOKEN_CACHE.get(text)
    if cached is not None:
        return cached
    conn.execute("DELETE FROM temp.fielddoc_query")
    conn.execute("INSERT INTO temp.fielddoc_query (q) VALUES (?)", (text,))
    rows = conn.execute("SELECT term FROM temp.fielddoc_query_tokens ORDER BY offset").fetchall()
    conn.execute("DELETE FROM temp.fielddoc_query")
    tokens = tuple(str(row[0]) for row in rows)
    if len(_TOKEN_CACHE) >= _TOKEN_CACHE_SIZE:
        _TOKEN_CACHE.clear()
    _TOKEN_CACHE[text] = tokens
    return tokens


def _expand(conn: Connection, token: str) -> list[str]:
    """Index terms starting with ``token`` (at most MAX_EXPANSIONS, the token itself first)."""
    if len(token) < MIN_PREFIX:
        return [token]
    upper = token[:-1] + chr(ord(token[-1]) + 1)
    rows = conn.execute(
        "SELECT term FROM temp.fielddoc_terms WHERE term >= ? AND term < ? LIMIT ?",
        (token, upper, MAX_EXPANSIONS),
    ).fetchall()
    return [str(row[0]) for row in rows]


def _any_of(terms: Iterable[str]) -> str:
    quoted = [_quote(term) for term in terms]
    if not quoted:
        return _NOTHING
    return quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")"


def build_match(conn: Connection, query: str) -> str:
    """The FTS5 MATCH expression for a user's query (see module docstring)."""
    words = translit.words(query)[:MAX_QUERY_WORDS]
    if not words:
        raise SearchQueryError("Type at least one word to search for.")
    _prepare(conn)
    clauses = []
    for word in words:
        alternatives = []
        tokens = _tokens(conn, word)
        if tokens:
            text = " AND ".join(_any_of(_expand(conn, token)) for token in tokens)
            alternatives.append(f"{{title content}} : ({text})")
        names = [term for key in sorted(translit.query_keys(word)) for term in _expand(conn, key)]
        if names:
            alternatives.append(f"names : {_any_of(dict.fromkeys(names))}")
        clauses.append("(" + " OR ".join(alternatives or [_NOTHING]) + ")")
    return " AND ".join(clauses)


def search(
    conn: Connection,
    query: str,
    *,
    template: str | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[Hit]:
    """Records matching every word of ``query``.

    Ordering: when at most :data:`CANDIDATES` records match, best match first (BM25, titles
    weighted 4x); when more match, newest first. BM25 needs each term's document count, which
    means reading its whole doclist; for a word found in a quarter of 100k records that
    alone costs more than the 30 ms budget, and the ranking among thousands of matches helps
    no one. FTS5 yields matches in rowid order and stops at the limit, so the first pass is
    cheap at any size.
    """
    match = build_match(conn, query)
    join, where, params = "", "", [match]
    if template is not None:
        # FTS5 stays the outer loop (rowid order, early stop); records is probed per row
        join, where = " JOIN records r ON r.rid = f.rowid", " AND r.template = ?"
        params.append(template)
    base = f"FROM search_fts f{join} WHERE search_fts MATCH ?{where} ORDER BY f.rowid DESC LIMIT ?"
    newest = conn.execute(f"SELECT f.rowid {base}", [*params, CANDIDATES + 1]).fetchall()
    if len(newest) > CANDIDATES:
        chosen = [int(row[0]) for row in newest[:limit]]
    else:
        ranked = conn.execute(
            f"SELECT f.rowid, bm25(search_fts, 4.0, 1.0, 1.0) {base}", [*params, CANDIDATES]
        ).fetchall()
        chosen = [rid for _, rid in sorted((float(r), -int(i)) for i, r in ranked)[:limit]]
        chosen = [-rid for rid in chosen]
    if not chosen:
        return []
    order = {rid: index for index, rid in enumerate(chosen)}
    marks = ",".join("?" * len(order))
    rows = conn.execute(
        f"SELECT rid, id, template, title, updated_at FROM records WHERE rid IN ({marks})",
        list(order),
    ).fetchall()
    rows.sort(key=lambda row: order[int(row[0])])
    return [Hit(*row[1:]) for row in rows]
