"""Splits the real training split into two halves by source document, for the learning-curve runs of
models/README.md (session 15): python3 training-data/real/split-halves.py OUT_DIR
writes OUT_DIR/h1 and OUT_DIR/h2, each with stance.jsonl and sentiment.jsonl (a document's items all go
to one half: the first byte of the SHA-1 of its path, even or odd)."""
import hashlib, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
out = sys.argv[1]
for half in ('h1', 'h2'):
    os.makedirs(os.path.join(out, half), exist_ok=True)
for kind in ('stance', 'sentiment'):
    files = {h: open(os.path.join(out, h, kind + '.jsonl'), 'w', encoding='utf-8') for h in ('h1', 'h2')}
    counts = {'h1': 0, 'h2': 0}
    for line in open(os.path.join(HERE, 'train', kind + '.jsonl'), encoding='utf-8'):
        doc = json.loads(line)['doc']
        half = 'h1' if hashlib.sha1(doc.encode('utf-8')).digest()[0] % 2 == 0 else 'h2'
        files[half].write(line)
        counts[half] += 1
    for f in files.values():
        f.close()
    print(kind, counts)
