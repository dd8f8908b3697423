# Record of how the real items were sampled (session 4), as run in the annotation workspace
# (paths there: /work/shared/real-data, /work/annot); sample.py first (splits, strata, the test and
# dev batches), then sample-caution.py (caution-rich batches), then sample-more.py (more train).
# Supplementary, caution-targeted batches (test-13, dev-14) and caution-richer train batches (05-12 resampled).
import json,re,random,collections,os,shutil
random.seed(7)
rows=json.load(open('rows.json'))
CRIT={'RUS','CUB','IRN','PRK','SYR','VEN','BLR','NIC','CHN','LBY','IRQ','CSK','POL','HUN','BGR','DDR','UKR','MNG','AFG','YUG','SRB','ALB','VNM','LAO','BOL','DZA','ZWE','SDN','ERI','MLI','BFA','NER'}
STRONG=re.compile(r"threat|expan|encroach|aggress|confront|bloc mentality|condemn|danger|provoc|hostil|destabili|militari|cold war|reckless|illegal|oppos|hypocri|double standard|unacceptable|interfer|imperial|hegemon|dictat|eastward|bomb|divisive|undermin|refus|criticis|deplor|so-called|containment|sanction|arrogan|impos|disregard|unilateral|unfair|injust|marginali|failed|failure|inaction|impoten|ineffective|paralys|neo-?colonial|colonial|racist|exploit|blackmail|pressure|weapon|nuclear|troops|war\b|aggressive|enemy|adversar|rival|against",re.I)
def crit(r):
    src=r['source']; code=r['doc'].split('/')[-1].split('_')[0]
    return (src=='kremlin') or (src=='ungdc' and code in CRIT)
def score(r):
    return (2 if STRONG.search(r['text']) else 0)+(1 if crit(r) else 0)+(1 if len(r['targets'])>1 else 0)
def write(name,b):
    os.makedirs(f'batches/{name}',exist_ok=True)
    b=sorted(b,key=lambda r:r['line'])
    with open(f'batches/{name}/items.jsonl','w') as f:
        for r in b: f.write(json.dumps({'sid':r['id'],'doc':r['doc'].split('/')[-1],'text':r['text'],'targets':[t['target'] for t in r['targets']]},ensure_ascii=False)+'\n')
    open(f'batches/{name}/documents.jsonl','w').close()
    for a in 'AB':
        os.makedirs(f'batches/{name}/{a}',exist_ok=True)
        for fn in ['items.jsonl','documents.jsonl']: shutil.copy(f'batches/{name}/{fn}',f'batches/{name}/{a}/')
        shutil.copy('/work/main/training-data/ANNOTATION.md',f'batches/{name}/{a}/'); shutil.copy('BRIEF.md',f'batches/{name}/{a}/')
    print(name,len(b),sum(len(r['targets']) for r in b),collections.Counter(t['target'] for r in b for t in r['targets']).most_common(8))

import glob
random.seed(11)
used=set()
for f in glob.glob('batches/*/items.jsonl'):
    for l in open(f): used.add(json.loads(l)['sid'])
pool=[r for r in rows if r['split']=='train' and r['id'] not in used]
random.shuffle(pool)
print('pool',len(pool))
cue=[r for r in pool if score(r)>=2][:600]
ids={r['id'] for r in cue}
rnd=[r for r in pool if r['id'] not in ids][:600]
allt=cue+rnd; random.shuffle(allt)
for k in range(4): write(f'train-{k+12:02d}',allt[k*300:(k+1)*300])
