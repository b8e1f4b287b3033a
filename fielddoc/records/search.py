"""Full-text search over records, in Cyrillic and Latin, with cross-script name matching.

The index is the contentless FTS5 table ``search_fts`` (unicode61, remove_diacritics 2)
keyed by ``records.rid``, with three columns: ``title``, ``content`` (the template's
searchable fields, and the en/ru/ky labels of chosen thesaurus terms) and ``names`` (the
transliteration match keys of every word, see translit.py).

A query is split into words; every word must match (AND), as a prefix, either the text
columns or one of its match keys in ``names``. Query text never reaches FTS5 syntax: each
word is quoted, so operators typed by a user are searched as words.

Failure: an empty query raises :class:`~fielddoc.errors.SearchQueryError`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from fielddoc.errors import SearchQueryError
from fielddoc.records import translit
from fielddoc.vault.connection import Connection

MAX_QUERY_WORDS = 16
MIN_PREFIX_KEY = 3  # shorter keys match exactly: a one-letter prefix would match everything
DEFAULT_LIMIT = 200
CANDIDATES = 1000  # newest matching records that are ranked (see search())


@dataclass(frozen=True)
class Hit:
    id: str
    template: str
    title: str
    updated_at: str


def index_record(conn: Connection, rid: int, title: str, texts: Iterable[str]) -> None:
    """(Re)index one record; call inside the save transaction."""
    content = "\n".join(texts)
    names = translit.index_text(f"{title}\n{content}")
    conn.execute("DELETE FROM search_fts WHERE rowid = ?", (rid,))
    conn.execute(
        "INSERT INTO search_fts (rowid, title, content, names) VALUES (?, ?, ?, ?)",
        (rid, title, content, names),
    )


def unindex_record(conn: Connection, rid: int) -> None:
    conn.execute("DELETE FROM search_fts WHERE rowid = ?", (rid,))


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def build_match(query: str) -> str:
    """The FTS5 MATCH expression for a user's query (see module docstring)."""
    words = translit.words(query)[:MAX_QUERY_WORDS]
    if not words:
        raise SearchQueryError("Type at least one word to search for.")
    clauses = []
    for word in words:
        alternatives = [f"{{title content}} : {_quote(word)} *"]
        for key in sorted(translit.query_keys(word)):
            suffix = " *" if len(key) >= MIN_PREFIX_KEY else ""
            alternatives.append(f"names : {_quote(key)}{suffix}")
        clauses.append("(" + " OR ".join(alternatives) + ")")
    return " AND ".join(clauses)


def search(
    conn: Connection,
    query: str,
    *,
    template: str | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[Hit]:
    """Records matching every word of ``query``, best match first.

    Ranking (BM25, titles weighted 4x) is computed over the :data:`CANDIDATES` most recently
    created matching records, which FTS5 yields in rowid order without scoring every match.
    That keeps a query for a very common word at a few milliseconds over 100k records; a
    query that matches more than that is best narrowed with more words.
    """
    match = build_match(query)
    if template is None:
        sql = (
            "SELECT f.rowid, bm25(search_fts, 4.0, 1.0, 1.0) FROM search_fts f "
            "WHERE search_fts MATCH ? ORDER BY f.rowid DESC LIMIT ?"
        )
        params: tuple[object, ...] = (match, CANDIDATES)
    else:
        # FTS5 stays the outer loop (rowid order, early stop); records is probed per row
        sql = (
            "SELECT f.rowid, bm25(search_fts, 4.0, 1.0, 1.0) FROM search_fts f "
            "JOIN records r ON r.rid = f.rowid WHERE search_fts MATCH ? AND r.template = ? "
            "ORDER BY f.rowid DESC LIMIT ?"
        )
        params = (match, template, CANDIDATES)
    candidates = conn.execute(sql, params).fetchall()
    if not candidates:
        return []
    score = {int(rowid): float(rank) for rowid, rank in candidates}
    hits: list[tuple[float, int, Hit]] = []
    for start in range(0, len(candidates), 500):
        chunk = [int(row[0]) for row in candidates[start : start + 500]]
        marks = ",".join("?" * len(chunk))
        rows_sql = (
            f"SELECT rid, id, template, title, updated_at FROM records WHERE rid IN ({marks})"
        )
        for rid, *rest in conn.execute(rows_sql, chunk):
            hits.append((score[rid], -rid, Hit(*rest)))
    hits.sort(key=lambda item: (item[0], item[1]))
    return [hit for _, _, hit in hits[:limit]]
