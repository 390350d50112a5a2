#!/usr/bin/env python3
"""Builds the knowledge-base retrieval sets of issue 15 as question->passage JSONL for `eval` (rag-index EvalCommand).

  demo-paraphrases.jsonl  (and demo-paraphrases-evenodd.jsonl, even rows first) the demo knowledge base (FAQ entries in force today, Markdown sections) as the corpus; the
                          customer paraphrases of DemoRetrievalTest as questions, gold = their FAQ entry
  public-kb.jsonl         the same corpus; the knowledge-base questions of eval/answers (expected answer, no earlier
                          turns, not market/stock/small talk), gold = the one FAQ entry holding every fact group
                          (questions no single entry answers are left out). Rows of the held-out split come last.

Usage: bench/retrieval-sets.py OUT_DIR   (writes the two files; nothing is committed)
"""
import csv, datetime, io, json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEMO = os.path.join(ROOT, 'rag-index/src/main/resources/org/finassist/rag/demo')
PARA = os.path.join(ROOT, 'rag-index/src/test/resources/org/finassist/rag/retrieve/demo-customer-questions.tsv')
today = datetime.date.today().isoformat()


def corpus():
    faq = {}
    with open(os.path.join(DEMO, 'demo-faq.csv'), encoding='utf-8') as f:
        for r in csv.DictReader(f):
            until = (r.get('effective_until') or '').strip()
            if until and until < today:
                continue  # expired entries are not retrievable
            faq[r['question']] = '问：' + r['question'] + '\n答：' + r['answer']
    sections = []
    for name in sorted(os.listdir(DEMO)):
        if not name.endswith('.md'):
            continue
        text = open(os.path.join(DEMO, name), encoding='utf-8').read()
        text = re.sub(r'^---\n.*?\n---\n', '', text, flags=re.S)
        for part in re.split(r'\n(?=## )', text):
            body = part.strip()
            if body.startswith('## '):
                sections.append(body.lstrip('# '))
    return faq, sections


def norm(s):
    return s.replace(' ', '').lower()


def main(out):
    faq, sections = corpus()
    os.makedirs(out, exist_ok=True)
    distractors = [{'passage': p} for p in list(faq.values()) + sections]
    rows = []
    for line in open(PARA, encoding='utf-8'):
        if line.startswith('#') or not line.strip():
            continue
        q, gold = line.rstrip('\n').split('\t')[:2]
        if gold in faq:
            rows.append({'question': q, 'passage': faq[gold]})
    write(os.path.join(out, 'demo-paraphrases.jsonl'), rows + distractors)
    # the same with even rows first: `--dev-rows 22` then gives the dev/test split of the fusion studies
    write(os.path.join(out, 'demo-paraphrases-evenodd.jsonl'), rows[0::2] + rows[1::2] + distractors)
    rows, skipped = [], 0
    for split in ('public-dev.jsonl', 'public-heldout.jsonl'):
        for line in open(os.path.join(ROOT, 'eval/answers', split), encoding='utf-8'):
            c = json.loads(line)
            if c['expect'] != 'answer' or c['previous'] or c['scenario'] in ('commentary', 'stock-diagnosis', 'general') \
                    or not c['facts']:
                continue
            hits = [t for t in faq.values() if all(any(norm(f) in norm(t) for f in g) for g in c['facts'])]
            if len(hits) == 1:
                rows.append({'question': c['question'], 'passage': hits[0], 'split': split})
            else:
                skipped += 1
    write(os.path.join(out, 'public-kb.jsonl'), rows + distractors)
    dev = sum(1 for r in rows if r['split'] == 'public-dev.jsonl')
    print(f'demo-paraphrases: corpus {len(distractors)} passages; public-kb: {len(rows)} questions '
          f'({dev} dev, {len(rows) - dev} held-out), {skipped} left out (no single entry holds every fact)')


def write(path, rows):
    with open(path, 'w', encoding='utf-8') as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else 'target/retrieval-sets')
