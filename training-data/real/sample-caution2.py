# Record of how train-28..29 were sampled (session 7), as run in the annotation workspace (/work/annot, where
# sample-more.py is prep4.py).
# prep4 (STRONG) is used up in the train split's remainder, so: sentences from a critical source
# (crit: Kremlin, or a UN speech of a state often critical of the blocs) with a weaker cue (W:
# reservation, security or conflict wording).
import json,re,random,collections,os,shutil,glob
src=open('prep4.py').read()
exec(src.split('import glob')[0])   # rows, CRIT, STRONG, crit, score, write
W=re.compile(r"concern|worr|regret|disappoint|fail|crisis|problem|doubt|however|\bbut\b|instead|should|must|demand|insist|blame|accus|fault|lack|insufficient|slow|selective|exclu|closed|club|elite|dominat|rich|power|military|defen[cs]e|security|enlarg|member|border|conflict|tension|pressure|russia|ukrain|crimea|yugoslav|kosovo|libya|iraq",re.I)
random.seed(28)
used=set()
for f in glob.glob('batches/*/items.jsonl'):
    for l in open(f): used.add(json.loads(l)['sid'])
pool=[r for r in rows if r['split']=='train' and r['id'] not in used]
random.shuffle(pool)
a=[r for r in pool if W.search(r['text']) and crit(r)]
print('pool',len(pool),'cue+critical source',len(a))
allt=a[:600]
for k in range(2): write(f'train-{k+28:02d}',allt[k*300:(k+1)*300])
