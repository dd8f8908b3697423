# Record of how the last train batches were sampled (session 5), as run in the annotation workspace
# (/work/annot, where sample-more.py is prep4.py). Before it, sample-more.py had been run a second
# time with random.seed(12), writing train-16..19. This script wrote train-20..22: every remaining
# train-split sentence that names two or more blocs or has strong critical wording, filled with
# sentences of often-critical sources, 300 per batch.
import json,re,random,collections,os,shutil,glob
exec(open('prep4.py').read().split('import glob')[0])   # rows, CRIT, STRONG, crit, score, write
random.seed(20)
used=set()
for f in glob.glob('batches/*/items.jsonl'):
    for l in open(f): used.add(json.loads(l)['sid'])
pool=[r for r in rows if r['split']=='train' and r['id'] not in used]
random.shuffle(pool)
first=[r for r in pool if len(r['targets'])>1 or STRONG.search(r['text'])]
ids={r['id'] for r in first}
fill=[r for r in pool if r['id'] not in ids and crit(r)]
allt=(first+fill)[:900]; random.shuffle(allt)
print('pool',len(pool),'first',len(first))
for k in range(3): write(f'train-{k+20:02d}',allt[k*300:(k+1)*300])
