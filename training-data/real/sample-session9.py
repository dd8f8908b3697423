# Session 9: the train split's remainder in 29 more train batches (train-42..70): three rounds of
# eight, run in /work/annot as the earlier sampling scripts. Each round (seeded with its
# first batch number): up to 500 sentences of a critical source (what is left of them; used up in the
# second round), 1,200 with approving wording (POS, as sample-session8.py; only 166 were left for the
# third), the rest of the round's 2,400 at random; then the last 1,524 sentences, shuffled, in five
# batches (train-66..70).
import json,re,random,collections,os,shutil,glob
src=open('prep4.py').read()
exec(src.split('import glob')[0])   # rows, CRIT, STRONG, crit, score, write
POS=re.compile(r"welcom|commend|strengthen|cooperat|partnership|success|appreciat|congratulat|achiev|progress|grateful|thank|prais|friend|constructive|fruitful|valuable|effective|promot|support|trust|solidarity|important role|contribut",re.I)
def remainder(seed):
    """The train-split sentences no batch holds yet, shuffled after seeding with seed."""
    random.seed(seed)
    used=set()
    for f in glob.glob('batches/*/items.jsonl'):
        for l in open(f): used.add(json.loads(l)['sid'])
    pool=[r for r in rows if r['split']=='train' and r['id'] not in used]
    random.shuffle(pool)
    return pool
for first in (42,50,58):   # first batch of the round, also its seed
    pool=remainder(first)
    a=[r for r in pool if crit(r)][:500]
    ids={r['id'] for r in a}
    p=[r for r in pool if r['id'] not in ids and POS.search(r['text'])][:1200]
    ids|={r['id'] for r in p}
    rnd=[r for r in pool if r['id'] not in ids][:2400-len(a)-len(p)]
    print('pool',len(pool),'critical',len(a),'approving',len(p),'random',len(rnd))
    allt=a+p+rnd; random.shuffle(allt)
    for k in range(8): write(f'train-{k+first:02d}',allt[k*300:(k+1)*300])
pool=remainder(66)
print('pool',len(pool))
for k in range(5): write(f'train-{k+66:02d}',pool[k*len(pool)//5:(k+1)*len(pool)//5])
