"""Grouped cross-validation of sentence classifiers for calls to action, by batch.

Run (after embed.py for the `use*` variants):
    /tmp/modelvenv/bin/python evaluate.py [variant ...]
Variants: rules (first sight only; needs rules_spans.py output), cues (the weak labels'
own regexes, no learning), tfidf, use, use_ctx, tfidf_use.
See ../EXPERIMENT-model.md for what the figures mean.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from common import KINDS, cue_for, fold, load_corpus, unit_labels
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

CACHE = Path(os.environ.get("CACHE", "/tmp/chorus-model-cache/use.npz"))
RULES_SPANS = Path(os.environ.get("RULES_SPANS", "/tmp/rulesjson"))
THRESHOLDS = [round(0.05 * i, 2) for i in range(4, 20)]
FIRST_SIGHT = range(6, 13)
INNER_FOLDS = 3  # inner grouped folds (batches dealt round-robin) to choose the threshold

# The rules at first sight (FIGURES.md): batch -> language -> (labelled, extracted, matched).
RULES = {
    6: {"en": (11, 10, 5)},
    7: {"fr": (8, 3, 0)},
    8: {"en": (11, 12, 6)},
    9: {"fr": (8, 6, 2)},
    10: {"en": (7, 9, 5), "fr": (5, 7, 0)},
    11: {"en": (15, 8, 3), "fr": (9, 4, 1)},
    12: {"en": (16, 12, 1), "fr": (15, 4, 2)},
}


class Data:
    def __init__(self) -> None:
        self.docs = load_corpus()
        self.doc_of: list[int] = []
        self.texts: list[str] = []
        rows = []
        for d, doc in enumerate(self.docs):
            for labels in unit_labels(doc):
                rows.append([k in labels for k in KINDS])
            self.doc_of += [d] * len(doc.units)
            self.texts += [fold(u.text) for u in doc.units]
        self.y = np.array(rows, dtype=bool)
        self.doc_of_arr = np.array(self.doc_of)
        self.batch_of_doc = np.array([doc.batch for doc in self.docs])
        self.batch = self.batch_of_doc[self.doc_of_arr]
        self._use: np.ndarray | None = None

    def use(self) -> np.ndarray:
        if self._use is None:
            cached = np.load(CACHE)
            self._use = np.vstack([cached[doc.id] for doc in self.docs])
        return self._use

    def use_ctx(self) -> np.ndarray:
        """Each unit's vector, its neighbours' mean and its document's mean."""
        v = self.use()
        out = []
        start = 0
        for doc in self.docs:
            n = len(doc.units)
            block = v[start : start + n]
            padded = np.vstack([block[:1] * 0, block, block[:1] * 0])
            neighbours = (padded[:-2] + padded[2:]) / 2
            mean = np.repeat(block.mean(axis=0, keepdims=True), n, axis=0)
            out.append(np.hstack([block, neighbours, mean]))
            start += n
        return np.vstack(out)


def fit_predict(data: Data, variant: str, train: np.ndarray, test: np.ndarray) -> np.ndarray:
    """Scores (n_test, kinds) from a model trained on the `train` units."""
    if variant == "cues":
        scores = np.zeros((test.sum(), len(KINDS)))
        texts = [t for t, keep in zip(data.texts, test, strict=True) if keep]
        for j, kind in enumerate(KINDS):
            cue = cue_for(kind)
            scores[:, j] = [1.0 if cue.search(t) else 0.0 for t in texts]
        return scores
    if variant in ("tfidf", "tfidf_use"):
        vec = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True, max_features=30000
        )
        x_train = vec.fit_transform([t for t, k in zip(data.texts, train, strict=True) if k])
        x_test = vec.transform([t for t, k in zip(data.texts, test, strict=True) if k])
        if variant == "tfidf_use":
            u = data.use()
            x_train = sparse.hstack([x_train, sparse.csr_matrix(u[train])]).tocsr()
            x_test = sparse.hstack([x_test, sparse.csr_matrix(u[test])]).tocsr()
    else:
        x = data.use() if variant == "use" else data.use_ctx()
        x_train, x_test = x[train], x[test]
    scores = np.zeros((x_test.shape[0], len(KINDS)))
    for j in range(len(KINDS)):
        y = data.y[train, j]
        if y.sum() == 0:
            continue
        clf = LogisticRegression(C=1.0, class_weight="balanced", solver="liblinear")
        clf.fit(x_train, y)
        scores[:, j] = clf.predict_proba(x_test)[:, 1]
    return scores


def decode(data: Data, test: np.ndarray, scores: np.ndarray, threshold: float) -> dict:
    """Per document and kind: the best unit, if its score reaches the threshold."""
    units = np.flatnonzero(test)
    per_doc: dict[int, list[int]] = defaultdict(list)
    for row, u in enumerate(units):
        per_doc[data.doc_of[u]].append(row)
    predictions = {}
    for d, rows in per_doc.items():
        first = units[rows[0]]
        for j, kind in enumerate(KINDS):
            col = scores[rows, j]
            best = int(np.argmax(col))
            if col[best] >= threshold and col[best] > 0:
                predictions[(d, kind)] = {int(units[rows[best]] - first)}
    return predictions


def count(data: Data, doc_ids, predictions: dict) -> dict:
    """(labelled, predicted, matched) per language and per kind."""
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for d in doc_ids:
        doc = data.docs[d]
        gold: dict[str, set[int]] = defaultdict(set)
        for action, units in zip(doc.actions, doc.gold, strict=True):
            gold[action["kind"]] |= units
            for key in (doc.language, f"{doc.language}:{action['kind']}"):
                tally[key][0] += 1
        if not doc.actions:
            tally[f"empty~{doc.language}"][0] += 1
            tally[f"empty~{doc.language}"][1] += any((d, kind) in predictions for kind in KINDS)
        for kind in KINDS:
            # Document level only (human labels, no weak gold): does it have this kind?
            tally[f"kind~{doc.language}"][0] += kind in gold
            if (d, kind) not in predictions:
                continue
            tally[f"kind~{doc.language}"][1] += 1
            tally[f"kind~{doc.language}"][2] += kind in gold
            hit = bool(predictions[(d, kind)] & gold.get(kind, set()))
            for key in (doc.language, f"{doc.language}:{kind}"):
                tally[key][1] += 1
                tally[key][2] += hit
    return tally


def f1(tally: dict) -> float:
    keys = ("en", "fr")
    lab = sum(v[0] for k, v in tally.items() if k in keys)
    pred = sum(v[1] for k, v in tally.items() if k in keys)
    hit = sum(v[2] for k, v in tally.items() if k in keys)
    return 2 * hit / (lab + pred) if lab + pred else 0.0


def choose_threshold(data: Data, variant: str, train_batches: list[int]) -> float:
    """Inner leave-one-batch-out over the training batches only."""
    if variant == "cues":
        return 0.5
    inner = [b for b in train_batches if (data.batch_of_doc == b).any()]
    groups = [inner[i::INNER_FOLDS] for i in range(INNER_FOLDS)]
    fold_scores = []
    for group in (g for g in groups if g):
        tr = np.isin(data.batch, [c for c in inner if c not in group])
        te = np.isin(data.batch, group)
        fold_scores.append((te, fit_predict(data, variant, tr, te)))
    best, best_f1 = 0.5, -1.0
    for t in THRESHOLDS:
        merged: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for te, sc in fold_scores:
            docs = np.unique(data.doc_of_arr[te])
            for k, v in count(data, docs, decode(data, te, sc, t)).items():
                for i in range(3):
                    merged[k][i] += v[i]
        score = f1(merged)
        if score > best_f1:
            best, best_f1 = t, score
    return best


def rules_first_sight(data: Data) -> dict[int, dict]:
    """The rules at first sight, scored like the model: per document and kind, the evidence
    of the most confident action at or above 0.5 must overlap one of the kind's gold units.

    Reads the JSON that rules_spans.py wrote for each first-sight commit into $RULES_SPANS.
    """
    spans: dict[str, list] = {}
    for path in sorted(RULES_SPANS.glob("*.json")):
        spans.update(json.loads(path.read_text(encoding="utf-8")))
    results = {}
    for b in FIRST_SIGHT:
        doc_ids = [d for d, doc in enumerate(data.docs) if doc.batch == b]
        predictions = {}
        for d in doc_ids:
            doc = data.docs[d]
            for kind in KINDS:
                found = [a for a in spans.get(doc.id, []) if a[0] == kind and a[1] >= 0.5]
                if not found:
                    continue
                _, _, start, end = max(found, key=lambda a: a[1])
                predictions[(d, kind)] = {
                    i for i, u in enumerate(doc.units) if u.start < end and start < u.end
                }
        results[b] = {"threshold": 0.5, "tally": count(data, doc_ids, predictions)}
    return results


def pct(num: int, den: int) -> str:
    return f"{100 * num / den:3.0f}%" if den else "   —"


def run(data: Data, variant: str, mode: str) -> dict[int, dict]:
    """mode 'lobo': train on every other batch; 'first': train on earlier batches only."""
    batches = sorted(set(data.batch_of_doc.tolist()))
    held = batches if mode == "lobo" else list(FIRST_SIGHT)
    results = {}
    for b in held:
        train_batches = [c for c in batches if c != b and (mode == "lobo" or c < b)]
        threshold = choose_threshold(data, variant, train_batches)
        tr = np.isin(data.batch, train_batches)
        te = data.batch == b
        scores = fit_predict(data, variant, tr, te)
        preds = decode(data, te, scores, threshold)
        results[b] = {
            "threshold": threshold,
            "tally": count(data, np.unique(data.doc_of_arr[te]), preds),
        }
    return results


def report(variant: str, mode: str, results: dict[int, dict]) -> None:
    print(f"\n### {variant}, {'leave-one-batch-out' if mode == 'lobo' else 'first sight'}\n")
    print("```")
    print("batch lang  thr  labelled predicted matched recall precision | rules: recall precision")
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    rules_tot: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for b, res in results.items():
        for lang in ("en", "fr"):
            if lang not in res["tally"]:
                continue
            lab, pred, hit = res["tally"][lang]
            line = (
                f"{b:5} {lang:4} {res['threshold']:.2f} {lab:8} {pred:9} {hit:7} "
                f"{pct(hit, lab):>6} {pct(hit, pred):>9}"
            )
            if b in RULES and lang in RULES[b]:
                rl, rp, rh = RULES[b][lang]
                line += f" | {pct(rh, rl):>6} {pct(rh, rp):>9}"
                for i, v in enumerate((rl, rp, rh)):
                    rules_tot[lang][i] += v
                for i, v in enumerate((lab, pred, hit)):
                    totals[f"{lang} 6-12"][i] += v
            for i, v in enumerate((lab, pred, hit)):
                totals[f"{lang} all"][i] += v
            print(line)
        for key, v in res["tally"].items():
            if ":" in key or "~" in key:
                for i in range(3):
                    totals[key][i] += v[i]
    print()
    for key in ("en 6-12", "fr 6-12", "en all", "fr all"):
        if key in totals:
            lab, pred, hit = totals[key]
            line = f"{key:10} {lab:14} {pred:9} {hit:7} {pct(hit, lab):>6} {pct(hit, pred):>9}"
            lang = key.split()[0]
            if key.endswith("6-12"):
                rl, rp, rh = rules_tot[lang]
                line += f" | {pct(rh, rl):>6} {pct(rh, rp):>9}"
            print(line)
    for lang in ("en", "fr"):
        lab, pred, hit = totals.get(f"kind~{lang}", (0, 0, 0))
        print(f"{lang} kind only {lab:10} {pred:9} {hit:7} {pct(hit, lab):>6} {pct(hit, pred):>9}")
    for lang in ("en", "fr"):
        n, drafted, _ = totals.get(f"empty~{lang}", (0, 0, 0))
        print(f"{lang} texts with no action that got one: {drafted} of {n}")
    print()
    for lang in ("en", "fr"):
        for kind in KINDS:
            lab, pred, hit = totals.get(f"{lang}:{kind}", (0, 0, 0))
            print(
                f"{lang}:{kind:18} {lab:6} {pred:9} {hit:7} {pct(hit, lab):>6} {pct(hit, pred):>9}"
            )
    print("```")


def main() -> None:
    variants = sys.argv[1:] or ["rules", "cues", "tfidf", "use", "use_ctx", "tfidf_use"]
    data = Data()
    for variant in variants:
        modes = os.environ.get("MODES", "first,lobo").split(",")
        for mode in ("first",) if variant == "rules" else modes:
            started = time.perf_counter()
            results = rules_first_sight(data) if variant == "rules" else run(data, variant, mode)
            report(variant, mode, results)
            print(f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
