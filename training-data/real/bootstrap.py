"""Bootstrap interval of stance macro-F1 over source documents, for models/README.md (session 15):
python3 training-data/real/bootstrap.py PREDICTIONS ITEMS
PREDICTIONS is `evaluate --stance ITEMS --predictions PREDICTIONS` output; ITEMS (a split's stance.jsonl)
gives each item's source document. Resamples the documents with replacement 2,000 times (seeded) and
prints the macro-F1, its standard error and the 2.5th-97.5th percentile interval."""
import collections, json, random, sys

LABELS = ('CAUTIONARY', 'SUPPORTIVE', 'NEUTRAL')
doc = {}
for line in open(sys.argv[2], encoding='utf-8'):
    item = json.loads(line)
    doc[item['id']] = item['doc']
by_doc = collections.defaultdict(list)
for line in open(sys.argv[1], encoding='utf-8'):
    p = json.loads(line)
    if p['kind'].startswith('stance'):
        by_doc[doc[p['id']]].append((p['gold'], p['predicted']))

def macro_f1(pairs):
    f1 = []
    for c in LABELS:
        tp = sum(g == c and p == c for g, p in pairs)
        wrong = sum((g == c) != (p == c) for g, p in pairs)
        f1.append(2 * tp / (2 * tp + wrong) if tp else 0.0)
    return sum(f1) / len(f1)

docs = sorted(by_doc)
rng = random.Random(1)
scores = sorted(macro_f1([x for d in rng.choices(docs, k=len(docs)) for x in by_doc[d]]) for _ in range(2000))
mean = sum(scores) / len(scores)
se = (sum((s - mean) ** 2 for s in scores) / len(scores)) ** 0.5
print('items %d, documents %d, macro-F1 %.4f, standard error %.4f, 95%% interval %.4f-%.4f' % (
    sum(map(len, by_doc.values())), len(docs), macro_f1([x for d in docs for x in by_doc[d]]), se,
    scores[49], scores[1949]))
