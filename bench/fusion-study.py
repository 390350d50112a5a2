#!/usr/bin/env python3
"""Offline comparison of fusion rules on the legs `EvalCommand --dump` wrote (issue 15, docs/benchmarks.md).

Usage: bench/fusion-study.py DUMP_DIR   (expects dump-金融事件解读.jsonl, dump-保险条款解读.jsonl, dump-金融文档抽取.jsonl,
dump-demo.jsonl, dump-public.jsonl). Splits: fin-eva as dumped (rows 1-71 dev); demo even rows dev, odd rows test;
public-kb first 60 (public-dev.jsonl) dev, the rest test. Ranks candidates by their worst margin on the dev halves of
all five corpora against max(keyword, vector, RRF k=60); the test halves are printed beside, only to report.
"""
import sys
import json, math, statistics, itertools, sys
C = {'事件':'金融事件解读','保险':'保险条款解读','文档':'金融文档抽取','demo':'demo','pub':'public'}
def load(name):
    rows=[json.loads(l) for l in open(f'{sys.argv[1]}/dump-{C[name]}.jsonl',encoding='utf-8')]
    for i,r in enumerate(rows):
        if name=='demo': r['split']='dev' if i%2==0 else 'test'
        if name=='pub': r['split']='dev' if i<60 else 'test'
    return rows
data={k:load(k) for k in C}

def docrank(order, gold):
    seen=[]
    for d in order:
        if d not in seen: seen.append(d)
    return seen.index(gold)+1 if gold in seen else 0

def mrr(ranks):
    return sum(1/r for r in ranks if 0<r<=10)/len(ranks)

def legonly(r, leg):
    return docrank([c[1] for c in r[leg]], r['gold'])

def minmax(leg):
    if not leg: return {}
    s=[c[2] for c in leg]; lo,hi=min(s),max(s)
    return {c[0]:((c[2]-lo)/(hi-lo) if hi>lo else 1.0) for c in leg}

def zs(leg):
    if not leg: return {}
    s=[c[2] for c in leg]
    m=statistics.mean(s); sd=statistics.pstdev(s) or 1.0
    return {c[0]:(c[2]-m)/sd for c in leg}

def fuse(r, scorer):
    docs={}
    for c in r['kw']+r['vec']: docs[c[0]]=c[1]
    sc=scorer(r)
    order=sorted(sc, key=lambda k:-sc[k])
    return docrank([docs[k] for k in order], r['gold'])

def weighted(w):
    def f(r):
        a=minmax(r['kw']); b=minmax(r['vec']); out={}
        for k,v in a.items(): out[k]=out.get(k,0)+(1-w)*v
        for k,v in b.items(): out[k]=out.get(k,0)+w*v
        return out
    return f
def rrf(k, wv=0.5):
    def f(r):
        out={}
        for i,c in enumerate(r['kw']): out[c[0]]=out.get(c[0],0)+2*(1-wv)/(k+i+1)
        for i,c in enumerate(r['vec']): out[c[0]]=out.get(c[0],0)+2*wv/(k+i+1)
        return out
    return f
def mnz(w):
    def f(r):
        a=minmax(r['kw']); b=minmax(r['vec']); out={}; n={}
        for k,v in a.items(): out[k]=out.get(k,0)+(1-w)*v; n[k]=n.get(k,0)+1
        for k,v in b.items(): out[k]=out.get(k,0)+w*v; n[k]=n.get(k,0)+1
        return {k:out[k]*n[k] for k in out}
    return f
def zfuse(w, floor=None):
    def f(r):
        a=zs(r['kw']); b=zs(r['vec']); out={}
        keys=set(a)|set(b)
        fa=min(a.values()) if a else 0; fb=min(b.values()) if b else 0
        for k in keys:
            out[k]=(1-w)*a.get(k,fa)+w*b.get(k,fb)
        return out
    return f
def decis(leg):
    s=[c[2] for c in leg]
    if len(s)<2: return 0
    m=statistics.mean(s); sd=statistics.pstdev(s) or 1.0
    return (s[0]-s[1])/sd
def disp(w, p, mode):
    # per-query weights from each leg's dispersion: top score's standing above its list (z of top), or top-gap in sd units
    def f(r):
        a=zs(r['kw']); b=zs(r['vec'])
        if mode=='ztop':
            da=max(a.values()) if a else 0; db=max(b.values()) if b else 0
        else:
            da=decis(r['kw']); db=decis(r['vec'])
        ga=max(da,1e-6)**p*(1-w); gb=max(db,1e-6)**p*w
        wv=gb/(ga+gb)
        mk=minmax(r['kw']); mv=minmax(r['vec']); out={}
        for k,v in mk.items(): out[k]=out.get(k,0)+(1-wv)*v
        for k,v in mv.items(): out[k]=out.get(k,0)+wv*v
        return out
    return f
def dispz(w,p):
    def f(r):
        a=zs(r['kw']); b=zs(r['vec'])
        da=max(a.values()) if a else 0; db=max(b.values()) if b else 0
        ga=max(da,1e-6)**p*(1-w); gb=max(db,1e-6)**p*w
        wv=gb/(ga+gb)
        fa=min(a.values()) if a else 0; fb=min(b.values()) if b else 0
        return {k:(1-wv)*a.get(k,fa)+wv*b.get(k,fb) for k in set(a)|set(b)}
    return f

cands={}
for w in [0.3,0.4,0.5,0.6,0.7,0.8]: cands[f'weighted {w}']=weighted(w)
for k in [1,5,10,20,60]:
    for wv in [0.5,0.6,0.7]: cands[f'rrf k={k} wv={wv}']=rrf(k,wv)
for w in [0.5,0.6,0.7]: cands[f'mnz {w}']=mnz(w)
for w in [0.4,0.5,0.6,0.7]: cands[f'z {w}']=zfuse(w)
for w in [0.5,0.6,0.7]:
    for p in [1,2,3,4]:
        cands[f'disp-ztop {w} p{p}']=disp(w,p,'ztop')
        cands[f'disp-gap {w} p{p}']=disp(w,p,'gap')
        cands[f'dispz {w} p{p}']=dispz(w,p)

def satrrf(a,c,k=5):
    """Fusion.Confident: RRF with keyword weight a*s/(s+c), s = the keyword leg's best BM25 score."""
    def f(r):
        s=r['kw'][0][2] if r['kw'] else 0
        wk=a*s/(s+c); wv=1-wk; out={}
        for i,x in enumerate(r['kw']): out[x[0]]=out.get(x[0],0)+wk/(k+i+1)
        for i,x in enumerate(r['vec']): out[x[0]]=out.get(x[0],0)+wv/(k+i+1)
        return out
    return f
for a in [0.5,0.6,0.7,0.8,0.9,1.0]:
    for c in [2,4,6,8,10,12,16,24]:
        for k in [1,5,20]:
            cands[f'confident a={a} c={c} k={k}']=satrrf(a,c,k)

def evaluate(split):
    res={}
    for name,rows in data.items():
        rs=[r for r in rows if r['split']==split]
        base={'kw':mrr([legonly(r,'kw') for r in rs]),'vec':mrr([legonly(r,'vec') for r in rs]),
              'rrf60':mrr([fuse(r,rrf(60)) for r in rs])}
        for cn,f in cands.items(): base[cn]=mrr([fuse(r,f) for r in rs])
        res[name]=(len(rs),base)
    return res
dev=evaluate('dev'); test=evaluate('test')
def margin(res,cn):
    # worst margin over corpora against max(kw, vec, rrf60)
    return min(b[cn]-max(b['kw'],b['vec'],b['rrf60']) for n,b in res.values())
ranked=sorted(cands, key=lambda c:-(margin(dev,c)))
print('corpus sizes dev', {k:v[0] for k,v in dev.items()}, 'test', {k:v[0] for k,v in test.items()})
for split,res in (('dev',dev),('test',test)):
    print(split, {n:(round(b['kw'],3),round(b['vec'],3),round(b['rrf60'],3),round(b['weighted 0.5'],3)) for n,(_,b) in res.items()})
for c in ranked[:25]:
    print(f'{c:22s} devmargin {margin(dev,c):+.4f} testmargin {margin(test,c):+.4f}  dev', ' '.join(f'{n}:{b[c]:.3f}' for n,(_,b) in dev.items()), ' | test',' '.join(f'{n}:{b[c]:.3f}' for n,(_,b) in test.items()))
