#!/usr/bin/env python3
"""Rewrites a `clientele generate` output so an extra column carries signal (docs/BENCHMARKS.md, "Extra columns").

Per client: a meeting length d ~ U(10, 90) minutes (each note d +- 5, written "N min", "1h05" or "N'"), and a
Store among four. The purchase probability becomes sigmoid(logit(p) + 2 (d - 50) / 40), p the generator's true
probability; purchased is redrawn from it and true_purchase_prob rewritten, so "best possible" stays the truth.
Usage: duration_effect.py GEN_DIR OUT_DIR [SEED]
"""
import csv, math, os, random, sys

src, out = sys.argv[1], sys.argv[2]
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
os.makedirs(out, exist_ok=True)
stores = ["Paris", "London", "Tokyo", "Milan"]
minutes, store = {}, {}

def form(m):
    k = rng.randrange(3)
    return f"{m} min" if k == 0 else f"{m}'" if k == 1 else (f"{m // 60}h{m % 60:02d}" if m >= 60 else f"{m} min")

with open(os.path.join(src, "notes.csv"), newline="", encoding="utf-8") as f, \
     open(os.path.join(out, "notes.csv"), "w", newline="", encoding="utf-8") as g:
    r, w = csv.reader(f), csv.writer(g)
    header = next(r)
    w.writerow(header[:-1] + ["Store", header[-1]])
    for row in r:
        cid = row[0]
        if cid not in minutes:
            minutes[cid] = rng.randint(10, 90)
            store[cid] = rng.choice(stores)
        row[2] = form(max(5, minutes[cid] + rng.randint(-5, 5)))
        w.writerow(row[:-1] + [store[cid], row[-1]])

with open(os.path.join(src, "labels.csv"), newline="", encoding="utf-8") as f, \
     open(os.path.join(out, "labels.csv"), "w", newline="", encoding="utf-8") as g:
    r = csv.DictReader(f)
    w = csv.DictWriter(g, fieldnames=r.fieldnames)
    w.writeheader()
    for row in r:
        p = min(max(float(row["true_purchase_prob"]), 1e-4), 1 - 1e-4)
        d = minutes.get(row["client_id"], 50)
        q = 1 / (1 + math.exp(-(math.log(p / (1 - p)) + 2.0 * (d - 50) / 40)))
        row["true_purchase_prob"] = f"{q:.4f}"
        row["purchased"] = "1" if rng.random() < q else "0"
        w.writerow(row)
