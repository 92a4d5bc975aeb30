"""scikit-learn reference on the bench's synthetic data (export it first with `--export DIR`).

Fits RandomForest (100 trees, n_jobs=2) as the Python prototype did: max_features="sqrt" for the binary
target, RandomForestRegressor defaults for CLV. Prints fit seconds (median of 3) and holdout AUC / R².
Usage: python3 bench/sklearn_reference.py DIR
"""
import sys
import time

import numpy as np
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
from sklearn.metrics import r2_score, roc_auc_score

folder = sys.argv[1]
train = np.loadtxt(f"{folder}/train.csv", delimiter=",", skiprows=1, dtype=np.float32)
test = np.loadtxt(f"{folder}/test.csv", delimiter=",", skiprows=1, dtype=np.float32)


def timed(make, x, y):
    times = []
    for _ in range(3):
        model = make()
        start = time.perf_counter()
        model.fit(x, y)
        times.append(time.perf_counter() - start)
    return model, sorted(times)[1]


configs = [
    ("binary", "RandomForestClassifier sqrt", lambda: RandomForestClassifier(n_estimators=100, max_features="sqrt", n_jobs=2, random_state=42)),
    ("CLV", "RandomForestRegressor max_features=1.0", lambda: RandomForestRegressor(n_estimators=100, n_jobs=2, random_state=42)),
    ("CLV", "RandomForestRegressor max_features=1/3", lambda: RandomForestRegressor(n_estimators=100, max_features=1 / 3, n_jobs=2, random_state=42)),
]
for target, name, make in configs:
    column = 0 if target == "binary" else 1
    model, seconds = timed(make, train[:, 2:], train[:, column])
    if target == "binary":
        score = roc_auc_score(test[:, 0], model.predict_proba(test[:, 2:])[:, 1])
    else:
        score = r2_score(test[:, 1], model.predict(test[:, 2:]))
    print(f"| {target} | scikit-learn {name} | {seconds:.3f} | {score:.4f} |")
