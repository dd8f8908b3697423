# Session 9, second round: eight more train batches (train-50..57) from the train split's remainder:
# every critical-source sentence left, 1,200 with approving wording (POS), the rest of 2,400 at random.
import json,re,random,collections,os,shutil,glob
src=open('prep4.py').read()
exec(src.split('import glob')[0])   # rows, CRIT, STRONG, crit, score, write
POS=re.compile(r"welcom|commend|strengthen|cooperat|partnership|success|appreciat|congratulat|achiev|progress|grateful|thank|prais|friend|constructive|fruitful|valuable|effective|promot|support|trust|solidarity|important role|contribut",re.I)
random.seed(50)
used=set()
for f in glob.glob('batches/*/items.jsonl'):
    for l in open(f): used.add(json.loads(l)['sid'])
pool=[r for r in rows if r['split']=='train' and r['id'] not in used]
random.shuffle(pool)
a=[r for r in pool if crit(r)][:500]
ids={r['id'] for r in a}
p=[r for r in pool if r['id'] not in ids and POS.search(r['text'])][:1200]
ids|={r['id'] for r in p}
rnd=[r for r in pool if r['id'] not in ids][:2400-len(a)-len(p)]
print('pool',len(pool),'critical',len(a),'approving',len(p),'random',len(rnd))
allt=a+p+rnd; random.shuffle(allt)
for k in range(8): write(f'train-{k+50:02d}',allt[k*300:(k+1)*300])
