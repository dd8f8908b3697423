# Session 10: the dev split's remainder (3,843 sentences no batch held) in 13 more dev batches
# (dev-15..27), run in /work/annot as the earlier sampling scripts, to make the real dev set that
# chooses models about five times larger. Shuffled (seed 15), then ordered so that the first
# batches hold more of the cue sentences (score >= 2, as prep4.py: a critical source, strong
# wording, two blocs), which are richer in CAUTIONARY, as the first dev batches were: batch k takes
# its share of the cue sentences front-loaded; every batch is a random sample otherwise.
import json,random,glob
src=open('prep4.py').read()
exec(src.split('import glob')[0])   # rows, CRIT, STRONG, crit, score, write
random.seed(15)
used=set()
for f in glob.glob('batches/*/items.jsonl'):
    for l in open(f): used.add(json.loads(l)['sid'])
pool=[r for r in rows if r['split']=='dev' and r['id'] not in used]
random.shuffle(pool)
cue=[r for r in pool if score(r)>=2]
rest=[r for r in pool if score(r)<2]
print('pool',len(pool),'cue',len(cue),'rest',len(rest))
n=13
size=[len(pool)*(k+1)//n-len(pool)*k//n for k in range(n)]
ci=ri=0
for k in range(n):
    # the first batches take half their sentences from the cue list while it lasts
    c=min(size[k]//2,len(cue)-ci)
    b=cue[ci:ci+c]+rest[ri:ri+size[k]-c]
    ci+=c; ri+=size[k]-c
    if len(b)<size[k]:   # rest used up: fill from the cue list
        b+=cue[ci:ci+size[k]-len(b)]; ci+=size[k]-len(b)
    write(f'dev-{k+15:02d}',b)
assert ci==len(cue) and ri==len(rest), (ci,ri)
