#!/usr/bin/env python3
"""The judged queries against SQLite FTS5, the peer anchor: how a plain full-text index of the same corpus ranks
the same queries, scored exactly as the search-quality test scores the engine (MRR, recall@10, found@10 per kind
and split; docs/search-quality.md).

The database is built by ../shared/anchors/fts5_build.py (columns title and body, porter stemming, diacritics
folded, the body as raw markdown) into a temporary folder, or reused from --db when that file exists (and built
there when it does not). Every query is run twice, ranked by bm25(f) with the default (equal) column weights:
  all words  every word and phrase must match (FTS5's implicit AND); "quoted phrases" stay phrases;
  any word   at least one must match (OR), more matches and rarer words rank higher through bm25.
Our query syntax is translated: field prefixes are dropped (minister:x and minister:"A B" become plain words,
title:x a plain word), -word and -"phrase" become NOT, a bare OR stays OR (all-words mode). FTS5 has no stop
words and no spelling suggestions: typo queries are scored on their own results only. A hit's url is mapped to
our slug by its last path segment (what the ingester keeps for the judged releases).

Usage: python3 tests/quality/fts5-eval.py [--db PATH] [--queries FILE] [--corpus DIR] [--split tune|holdout|all]
                                          [--kind K] [--verbose]
Needs Debian's python3-yaml (the build script's C YAML loader)."""
import argparse, json, os, platform, re, sqlite3, subprocess, sys, tempfile, time, urllib.parse

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(os.path.dirname(REPO), 'shared')
DEPTH = 10
TOKEN = re.compile(r'(-?)(?:(title|minister|portfolio):)?(?:"([^"]*)"?|(\S+))', re.IGNORECASE)
WORD = re.compile(r'\w+', re.UNICODE)


def arguments():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--db', help='FTS5 database to reuse (built there when missing; default: a temporary one)')
    p.add_argument('--queries', default=os.path.join(REPO, 'tests', 'PressReleases.SearchQuality.Tests', 'judged-queries.json'))
    p.add_argument('--corpus', default=os.path.join(SHARED, 'corpus', 'beehive', 'releases'))
    p.add_argument('--build-script', default=os.path.join(SHARED, 'anchors', 'fts5_build.py'))
    p.add_argument('--split', default='all', choices=['tune', 'holdout', 'all'])
    p.add_argument('--kind')
    p.add_argument('--verbose', action='store_true', help='list every imperfect query with the rank of its answers')
    return p.parse_args()


def fts_string(text):
    """Words as one FTS5 string (a phrase of their tokens): punctuation inside a word ("O'Connor") never breaks the syntax."""
    tokens = WORD.findall(text)
    return '"' + ' '.join(tokens) + '"' if tokens else None


def translate(query, any_word):
    """Our query syntax as an FTS5 MATCH expression (None when nothing searchable is left)."""
    positive, negative, joined = [], [], []
    for m in TOKEN.finditer(query):
        negated, field, phrase, word = m.group(1) == '-', m.group(2), m.group(3), m.group(4)
        if word == 'OR' and not negated and not field:
            joined.append(len(positive))  # the next positive item joins the one before with OR
            continue
        if field:
            # A field's value (minister:"Shane Jones") is read as plain words.
            items = [fts_string(w) for w in (phrase if phrase is not None else word).split()]
        else:
            items = [fts_string(phrase if phrase is not None else word)]
        items = [i for i in items if i]
        (negative if negated else positive).extend(items)
    if not positive:
        return None
    if any_word:
        expression = '(' + ' OR '.join(positive) + ')'
    else:
        parts = []
        for i, item in enumerate(positive):
            if i in joined and parts:
                parts[-1] = '(' + parts[-1] + ' OR ' + item + ')'
            else:
                parts.append(item)
        expression = ' '.join(parts)
    for item in negative:
        expression += ' NOT ' + item
    return expression


def slug_of(url):
    path = urllib.parse.urlparse(url or '').path.rstrip('/')
    return urllib.parse.unquote(path.split('/')[-1]).lower()


def search(db, expression):
    if expression is None:
        return []
    try:
        rows = db.execute('select r.url from f join r on r.id = f.rowid where f match ? order by bm25(f) limit ?', (expression, DEPTH)).fetchall()
    except sqlite3.OperationalError as e:
        print(f'  FTS5 refused {expression!r}: {e}', file=sys.stderr)
        return []
    return [slug_of(u) for (u,) in rows]


def score(query, slugs):
    ranks = [slugs.index(s) + 1 if s in slugs else None for s in query['relevant']]
    found = [r for r in ranks if r is not None]
    return {'rr': 1 / min(found) if found else 0.0, 'recall': len(found) / len(ranks), 'found': 1.0 if found else 0.0, 'ranks': ranks}


def mean(values):
    return sum(values) / len(values) if values else 0.0


def table(kinds, queries, results):
    """The same layout as the engine's QualityReport.KindTable."""
    lines = ['| kind | queries | MRR | recall@10 | found@10 | tune: n | MRR | recall@10 | holdout: n | MRR | recall@10 |',
             '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|']

    def cells(group):
        scores = [results[q['id']] for q in group]
        return len(group), mean([s['rr'] for s in scores]), mean([s['recall'] for s in scores]), mean([s['found'] for s in scores])

    def row(name, group):
        n, mrr, recall, found = cells(group)
        split_cells = []
        for split in ('tune', 'holdout'):
            part = [q for q in group if q.get('split') == split]
            pn, pmrr, precall, _ = cells(part)
            split_cells += [str(pn), f'{pmrr:.3f}' if pn else '-', f'{precall:.3f}' if pn else '-']
        lines.append(f'| {name} | {n} | {mrr:.3f} | {recall:.3f} | {found:.3f} | ' + ' | '.join(split_cells) + ' |')

    for kind in kinds:
        group = [q for q in queries if q['category'] == kind]
        if group:
            row(kind, group)
    row('**all**', queries)
    return '\n'.join(lines)


def main():
    args = arguments()
    with open(args.queries, encoding='utf-8') as f:
        judged = json.load(f)
    queries = [q for q in judged['queries']
               if (args.split == 'all' or q.get('split') == args.split) and (args.kind is None or q['category'] == args.kind)]
    kinds = list(dict.fromkeys(list(judged.get('categories', {})) + [q['category'] for q in judged['queries']]))

    temp = None
    db_path = args.db
    if db_path is None:
        temp = tempfile.TemporaryDirectory(prefix='fts5-eval-')
        db_path = os.path.join(temp.name, 'releases.db')
    if not os.path.exists(db_path):
        print(f'building {db_path} from {args.corpus} with {args.build_script} ...', flush=True)
        started = time.time()
        subprocess.run([sys.executable, args.build_script, args.corpus, db_path], check=True)
        print(f'built in {time.time() - started:.0f} s', flush=True)

    db = sqlite3.connect(db_path)
    releases = db.execute('select count(*) from r').fetchone()[0]
    print(f'{len(queries)} judged queries of {args.queries} (split {args.split}{", kind " + args.kind if args.kind else ""}) '
          f'over {releases:,} releases in {db_path} (SQLite {sqlite3.sqlite_version})')
    for mode, any_word in (('all words (AND)', False), ('any word (OR)', True)):
        started = time.time()
        results, expressions, hits = {}, {}, {}
        for q in queries:
            expressions[q['id']] = translate(q['query'], any_word)
            hits[q['id']] = search(db, expressions[q['id']])
            results[q['id']] = score(q, hits[q['id']])
        print(f'\n### FTS5 {mode}, bm25(f), {time.time() - started:.1f} s\n')
        print(table(kinds, queries, results))
        if args.verbose:
            print('\nImperfect queries: ranks of the judged releases in the top 10 (- when not there), the MATCH expression and the top hit.')
            for q in queries:
                r = results[q['id']]
                if r['rr'] < 1 or r['recall'] < 1:
                    ranks = ', '.join('-' if x is None else str(x) for x in r['ranks'])
                    top = hits[q['id']][0] if hits[q['id']] else 'no hits'
                    print(f"{q['id']} [{q.get('split')}] `{q['query']}` ranks {ranks}; RR {r['rr']:.3f}; match {expressions[q['id']]}; top: {top}")
    print(f'\nmachine: {os.cpu_count()} cores, {platform.platform()}, load average {" ".join(f"{x:.2f}" for x in os.getloadavg())}, '
          f'{time.strftime("%Y-%m-%d %H:%M:%SZ", time.gmtime())}')
    if temp is not None:
        temp.cleanup()


if __name__ == '__main__':
    main()
