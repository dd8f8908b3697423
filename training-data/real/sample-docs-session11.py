# Session 11: more labelled dev documents, so the per-document summary rule is fitted on more than
# 35 documents. Run in /work/annot as the earlier sampling scripts. Every sentence of the dev split
# is already annotated (session 10), so these batches label documents only: blind A and B give each
# document's dominant stance toward each bloc it names, a third adjudicates (doc-only batches have
# no A/labels.jsonl; build.py then takes only their documents). Candidates are chosen as prep.py
# chose the first 35 (3-10 bloc sentences, one with a cue word), Kremlin also up to 20 sentences
# (few Kremlin documents are short); the 35 already labelled are left out.
import json,random,collections,shutil,os,re
prep=open('prep.py').read()
exec('\n'.join(l for l in prep.splitlines() if l.startswith(('CAUT=','SUPP='))))   # cue words
exec(prep.split('# ---- sampling')[1].split('plan=')[0])   # strata()
rows=json.load(open('rows.json'))
stance={}
for l in open('/work/main/training-data/real/dev/stance.jsonl'):
    x=json.loads(l); stance.setdefault(x['id'].split('#')[0],[]).append(x['target'])
docs=collections.defaultdict(list)
for r in rows:
    if r['split']=='dev': docs[r['doc']].append(r)
# the 35 labelled before (dev batches 3-4), read from their batches so that a rerun picks the same documents
doc_of={r['id']:r['doc'] for r in rows}
used={doc_of[json.loads(l)['sids'][0]] for b in ('dev-03','dev-04') for l in open(f'batches/{b}/documents.jsonl')}
random.seed(11)
def ok(d,rs):
    hi=20 if rs[0]['source']=='kremlin' else 10
    return d not in used and 3<=len(rs)<=hi and any(strata(r)['caut'] or strata(r)['supp'] for r in rs) \
        and any(r['id'] in stance for r in rs)
cands=[d for d,rs in sorted(docs.items()) if ok(d,rs)]
random.shuffle(cands)
quota={'kremlin':17,'ungdc':30,'wh':23}
sel=[]
for s,q in quota.items(): sel+=[d for d in cands if docs[d][0]['source']==s][:q]
random.shuffle(sel)
BRIEF=open('DOC-BRIEF.md').read()
for k,part in enumerate([sel[0::2],sel[1::2]]):
    name=f'batches/dev-{28+k}'
    os.makedirs(name,exist_ok=True)
    with open(f'{name}/items.jsonl','w') as f, open(f'{name}/documents.jsonl','w') as g:
        for d in part:
            rs=docs[d]
            blocs=list(dict.fromkeys(t for r in rs for t in stance.get(r['id'],[])))
            for r in rs: f.write(json.dumps({'sid':r['id'],'doc':d.split('/')[-1],'text':r['text'],'targets':stance.get(r['id'],[])},ensure_ascii=False)+'\n')
            g.write(json.dumps({'doc':d.split('/')[-1],'source':rs[0]['source'],'sids':[r['id'] for r in rs],'blocs':blocs},ensure_ascii=False)+'\n')
    for a in 'AB':
        os.makedirs(f'{name}/{a}',exist_ok=True)
        for fn in ['items.jsonl','documents.jsonl']: shutil.copy(f'{name}/{fn}',f'{name}/{a}/')
        shutil.copy('/work/main/training-data/ANNOTATION.md',f'{name}/{a}/')
        open(f'{name}/{a}/BRIEF.md','w').write(BRIEF)
    print(name,len(part),'documents',sum(len(docs[d]) for d in part),'sentences',collections.Counter(docs[d][0]['source'] for d in part))
