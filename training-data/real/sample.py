# Record of how the real items were sampled (session 4), as run in the annotation workspace
# (paths there: /work/shared/real-data, /work/annot); sample.py first (splits, strata, the test and
# dev batches), then sample-caution.py (caution-rich batches), then sample-more.py (more train).
import json, re, random, hashlib, collections
random.seed(20261206)
rows=[json.loads(l) for l in open('/work/shared/real-data/bloc-text/sentences.jsonl')]
for i,r in enumerate(rows): r['line']=i
CANON={'African Union/OAU':'African Union','G7/G8':'G7','European Community':'EU'}
def split(doc):
    h=int(hashlib.sha256(doc.encode()).hexdigest()[:8],16)%100
    return 'test' if h<15 else 'dev' if h<30 else 'train'
# aliases for mention location
ALIAS={}
for line in open('/work/main/src/main/resources/io/github/stance4j/gazetteer/blocs.tsv'):
    if line.startswith('#') or not line.strip(): continue
    name,kinds,al=line.rstrip('\n').split('\t')
    ALIAS[name]=[a for a in al.split('|')]
ALIAS['African Union']+=['OAU','i:Organization of African Unity','i:Organisation of African Unity']
ALIAS['G7']+=['G8','G-8','i:Group of Eight','i:Group of 8']
ALIAS['EU']+=['i:European Community','i:European Communities','i:European Economic Community','EEC','EC','i:Common Market']
def find(text,target):
    best=None
    for a in sorted(ALIAS.get(target,[target]),key=lambda a:-len(a.lstrip('i:'))):
        flags=0
        if a.startswith('i:'): a=a[2:]; flags=re.I
        m=re.search(r'(?<![\w])'+re.escape(a)+r'(?![\w])',text,flags)
        if m and (best is None or m.start()<best[0]): best=(m.start(),m.group(0))
    return best[1] if best else None
CAUT=re.compile(r"threat|expan|encroach|aggress|confront|bloc mentality|bloc-based|condemn|concern|danger|provoc|hostil|destabili|militari|cold war|reckless|illegal|oppos|against|hypocri|double standard|fail|crisis|unacceptable|interfer|imperial|hegemon|dictat|pressure|aggression|enlargement|eastward|bombing|bombed|war |divisive|exclusive|undermin|refus|criticis|worr|regret|deplor|unfortunately|contrary|risk|instead of|so-called|expansion|containment|sanction|lectur|arrogan|impos|disregard|ignor|unilateral|neglect|inadequa|unfair|injust|marginali",re.I)
SUPP=re.compile(r"welcome|support|commend|prais|strengthen|deepen|cornerstone|vital|important role|appreciat|grateful|thank|congratulat|reaffirm|commit|pivotal|central|centrality|success|achiev|leadership|admir|pay tribute|tribute|laud|encourag|valuable|effective|indispensable|key role|constructive|salute|hail|proud|ironclad|stronger|unity|solidar|partner|trust|hope|look forward|stand with|stands with|applaud|recogni",re.I)
by_split=collections.defaultdict(list)
for r in rows:
    r['split']=split(r['doc'])
    r['targets']=[]
    for b in dict.fromkeys(CANON.get(b,b) for b in r['blocs']):
        m=find(r['text'],b)
        r['targets'].append({'target':b,'mention':m})
    by_split[r['split']].append(r)
for s in by_split: print(s,len(by_split[s]),sum(len(r['targets']) for r in by_split[s]))
nomention=[r for r in rows if any(t['mention'] is None for t in r['targets'])]
print('no mention',len(nomention)); 
for r in nomention[:8]: print(r['blocs'],r['text'][:150])
json.dump(rows,open('rows.json','w'))

# ---- sampling
def strata(r):
    t=r['text']
    return dict(multi=len(r['targets'])>1, caut=bool(CAUT.search(t)), supp=bool(SUPP.search(t)))
plan={'test':(600,35),'dev':(600,35),'train':(2400,0)}
chosen={}
for s,(n,ndocs) in plan.items():
    pool=by_split[s][:]; random.shuffle(pool)
    picked={}
    # complete documents first
    docs=collections.defaultdict(list)
    for r in by_split[s]: docs[r['doc']].append(r)
    cands=[d for d,rs in docs.items() if 3<=len(rs)<=10 and any(strata(r)['caut'] or strata(r)['supp'] for r in rs)]
    random.shuffle(cands)
    # prefer diverse sources
    bysrc=collections.defaultdict(list)
    for d in cands: bysrc[docs[d][0]['source']].append(d)
    docsel=[]
    quota={'ungdc':ndocs*4//10,'wh':ndocs*3//10,'kremlin':ndocs-ndocs*4//10-ndocs*3//10}
    for src,q in quota.items(): docsel+=bysrc[src][:q]
    for d in docsel:
        for r in docs[d]: picked[r['id']]=r
    # per-bloc coverage
    per=12 if s!='train' else 45
    blocs=collections.Counter(t['target'] for r in rows for t in r['targets'])
    for b,c in blocs.items():
        if c<50: continue
        have=sum(1 for r in picked.values() for t in r['targets'] if t['target']==b)
        cand=[r for r in pool if r['id'] not in picked and any(t['target']==b for t in r['targets'])]
        cand.sort(key=lambda r:-(strata(r)['caut']+strata(r)['supp']+strata(r)['multi'])+random.random())
        for r in cand[:max(0,per-have)]: picked[r['id']]=r
    rest=n-len(picked)
    want={'multi':int(rest*.22),'caut':int(rest*.35),'supp':int(rest*.23)}
    for k,q in want.items():
        cand=[r for r in pool if r['id'] not in picked and strata(r)[k]]
        for r in cand[:q]: picked[r['id']]=r
    for r in pool:
        if len(picked)>=n: break
        if r['id'] not in picked: picked[r['id']]=r
    chosen[s]=(list(picked.values()),docsel)
    it=sum(len(r['targets']) for r in picked.values())
    print(s,len(picked),'sentences',it,'items',len(docsel),'docs', collections.Counter(t['target'] for r in picked.values() for t in r['targets']).most_common())
json.dump({s:{'sentences':[r['id'] for r in v[0]],'docs':v[1]} for s,v in chosen.items()},open('selection.json','w'))
# ---- batches
def batches(s,k):
    sents,docsel=chosen[s]
    order=sorted(sents,key=lambda r:r['line'])
    # keep documents together: chunk by doc
    groups=collections.defaultdict(list)
    for r in order: groups[r['doc']].append(r)
    gl=list(groups.values()); random.shuffle(gl)
    out=[[] for _ in range(k)]
    for g in sorted(gl,key=len,reverse=True):
        min(out,key=len).extend(g)
    return out
import os
bid=0
for s,k in [('test',2),('dev',2),('train',8)]:
    for b in batches(s,k):
        bid+=1; name=f'{s}-{bid:02d}'
        os.makedirs(f'batches/{name}',exist_ok=True)
        with open(f'batches/{name}/items.jsonl','w') as f:
            for r in b:
                f.write(json.dumps({'sid':r['id'],'doc':r['doc'].split('/')[-1],'text':r['text'],'targets':[t['target'] for t in r['targets']]},ensure_ascii=False)+'\n')
        docsel=set(chosen[s][1])
        ds=collections.OrderedDict()
        for r in b:
            if r['doc'] in docsel: ds.setdefault(r['doc'],[]).append(r)
        with open(f'batches/{name}/documents.jsonl','w') as f:
            for d,rs in ds.items():
                f.write(json.dumps({'doc':d.split('/')[-1],'source':rs[0]['source'],'sids':[r['id'] for r in rs],'blocs':list(dict.fromkeys(t['target'] for r in rs for t in r['targets']))})+'\n')
        print(name,len(b),sum(len(r['targets']) for r in b),len(ds))
