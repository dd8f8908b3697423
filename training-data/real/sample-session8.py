# Session 8: twelve more train batches (train-30..41) from the train split's remainder, in three
# rounds of four, run in /work/annot as the earlier sampling scripts. Each round: sentences of a
# critical source with a weaker cue (W, as sample-caution2.py; up to 400, used up in the second
# round), approving wording (POS, as sample-session7.py; up to 400, 600 in the third round), the
# rest of the round's 1,200 at random.
import json,re,random,collections,os,shutil,glob
src=open('prep4.py').read()
exec(src.split('import glob')[0])   # rows, CRIT, STRONG, crit, score, write
W=re.compile(r"concern|worr|regret|disappoint|fail|crisis|problem|doubt|however|\bbut\b|instead|should|must|demand|insist|blame|accus|fault|lack|insufficient|slow|selective|exclu|closed|club|elite|dominat|rich|power|military|defen[cs]e|security|enlarg|member|border|conflict|tension|pressure|russia|ukrain|crimea|yugoslav|kosovo|libya|iraq",re.I)
POS=re.compile(r"welcom|commend|strengthen|cooperat|partnership|success|appreciat|congratulat|achiev|progress|grateful|thank|prais|friend|constructive|fruitful|valuable|effective|promot|support|trust|solidarity|important role|contribut",re.I)
for first,approving in [(30,400),(34,400),(38,600)]:   # first batch of the round (also its seed), approving cap
    random.seed(first)
    used=set()
    for f in glob.glob('batches/*/items.jsonl'):
        for l in open(f): used.add(json.loads(l)['sid'])
    pool=[r for r in rows if r['split']=='train' and r['id'] not in used]
    random.shuffle(pool)
    a=[r for r in pool if W.search(r['text']) and crit(r)][:400]
    ids={r['id'] for r in a}
    p=[r for r in pool if r['id'] not in ids and POS.search(r['text'])][:approving]
    ids|={r['id'] for r in p}
    rnd=[r for r in pool if r['id'] not in ids][:1200-len(a)-len(p)]
    print('pool',len(pool),'critical',len(a),'approving',len(p),'random',len(rnd))
    allt=a+p+rnd; random.shuffle(allt)
    for k in range(4): write(f'train-{k+first:02d}',allt[k*300:(k+1)*300])
