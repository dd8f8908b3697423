# Record of how train-25..27 were sampled (session 7), as run in the annotation workspace (/work/annot,
# where sample-more.py is prep4.py): half with an evaluative cue, half at random, from the train-split remainder.
import json,re,random,collections,os,shutil,glob
src=open('prep4.py').read()
exec(src.split('import glob')[0])   # rows, CRIT, STRONG, crit, score, write
POS=re.compile(r"welcom|commend|strengthen|cooperat|partnership|success|appreciat|congratulat|achiev|progress|grateful|thank|prais|friend|constructive|fruitful|valuable|effective|promot|support|trust|solidarity|important role|contribut",re.I)
random.seed(25)
used=set()
for f in glob.glob('batches/*/items.jsonl'):
    for l in open(f): used.add(json.loads(l)['sid'])
pool=[r for r in rows if r['split']=='train' and r['id'] not in used]
random.shuffle(pool)
cue=[r for r in pool if STRONG.search(r['text']) or POS.search(r['text'])][:450]
ids={r['id'] for r in cue}
rnd=[r for r in pool if r['id'] not in ids][:450]
allt=cue+rnd; random.shuffle(allt)
print('pool',len(pool),'cue',len([r for r in pool if STRONG.search(r['text']) or POS.search(r['text'])]))
for k in range(3): write(f'train-{k+25:02d}',allt[k*300:(k+1)*300])
