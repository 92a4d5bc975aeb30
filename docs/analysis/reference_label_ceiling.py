#!/usr/bin/env python3
"""How well can a concept-level model do on the reference system's rule labels?

The reference (../shared/reference/seed_pipeline.py, rule_labels) draws its labels from English substrings of the
*matched alias* text ("interested", "luxury", "gift", ...). Clientele's features are concept-level (language
independent): two clients who matched the same concept through different aliases ("luxury" vs "luxe") look the same
to it. This script measures, on the holdout of the reference's split:

  best possible   the reference's own generating probability (true_purchase_prob, noise draw included)
  alias-level     the noise-free rule on matched-alias text (what a model of the alias text could reach)
  concept-level   the expected rule given only the client's concepts (each rule flag replaced by the chance that
                  one of the client's concepts fires it, from how often its matches fire it in the file)

For CLV the same three figures are R² of the rule's expectation (noise N(0, 1500) excluded).

Usage, from the repository root with ../shared beside it (Debian's python3 with python3-sklearn and python3-pandas);
the reference's own labels and split, as `clientele bench` uses them:
  dotnet run -c Release --project src/Clientele.Cli -- detect --notes ../shared/data/LVMH_Extended_Test.csv \
      --lexicon ../shared/data/lexicon_v1.csv --out /tmp/ana/concepts.csv
  (cd /tmp/ana && python3 $OLDPWD/../shared/reference/seed_pipeline.py --concepts concepts.csv --labels-out labels.csv \
      --split-out split.csv)
  python3 docs/analysis/reference_label_ceiling.py --concepts /tmp/ana/concepts.csv --labels /tmp/ana/labels.csv \
      --split /tmp/ana/split.csv
"""
import argparse

import numpy as np
import pandas as pd
from sklearn.metrics import r2_score, roc_auc_score


def any_in(text, terms):
    return any(t in text for t in terms)


# The reference's rule_labels, term for term.
PURCHASE_RULES = [
    (0.30, lambda t: "budget @0" in t or "no limit" in t),
    (0.25, lambda t: any_in(t, ["luxury", "designer", "premium", "exclusive"])),
    (0.20, lambda t: any_in(t, ["gift", "birthday", "anniversary", "special occasion"])),
    (0.15, lambda t: any_in(t, ["interested", "looking for", "wants", "seeks", "desire"])),
    (0.10, lambda t: any_in(t, ["urgent", "soon", "immediately", "asap"])),
    (-0.15, lambda t: any_in(t, ["hesitant", "unsure", "maybe", "thinking about"])),
    (-0.10, lambda t: any_in(t, ["budget conscious", "affordable", "economical"])),
]
CLV_RULES = [
    (25000, lambda t: "budget @0" in t),
    (12000, lambda t: any_in(t, ["luxury", "premium", "designer"])),
    (5000, lambda t: any_in(t, ["gift", "occasion"])),
]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--concepts", required=True)
    p.add_argument("--labels", required=True)
    p.add_argument("--split", required=True)
    args = p.parse_args()
    c = pd.read_csv(args.concepts)
    c["a"] = c["matched_alias"].astype(str).str.lower()
    labels = pd.read_csv(args.labels).set_index("client_id")
    split = pd.read_csv(args.split)
    text = c.groupby("client_id", sort=False)["a"].apply(" ".join)

    def expectations(rules, base):
        alias = text.map(lambda t: base + sum(w for w, f in rules if f(t)))
        shares = []
        for i, (_, f) in enumerate(rules):
            c[f"r{i}"] = c["a"].map(f)
            shares.append(c.groupby("concept_id")[f"r{i}"].mean())

        def concept_level(g):
            return base + sum(w * (1 - np.prod(1 - shares[i].reindex(g["concept_id"]).values)) for i, (w, _) in enumerate(rules))

        return alias, c.groupby("client_id", sort=False)[["concept_id"]].apply(concept_level)

    alias_p, concept_p = expectations(PURCHASE_RULES, 0.30)
    alias_p, concept_p = alias_p.clip(0.1, 0.95), concept_p.clip(0.1, 0.95)
    for target, sign in (("purchased", 1), ("churned", -1)):
        te = split[(split.target == target) & (split.set == "test")].client_id.values
        y = labels.loc[te, target].values
        best = roc_auc_score(y, sign * labels.loc[te, "true_purchase_prob"].values) if "true_purchase_prob" in labels else float("nan")
        print(f"{target:15s} AUC  best possible {best:.3f}  alias-level {roc_auc_score(y, sign * alias_p.loc[te].values):.3f}"
              f"  concept-level {roc_auc_score(y, sign * concept_p.loc[te].values):.3f}")
    alias_v, concept_v = expectations(CLV_RULES, 3000.0)
    te = split[(split.target == "lifetime_value") & (split.set == "test")].client_id.values
    y = labels.loc[te, "lifetime_value"].values
    print(f"{'lifetime_value':15s} R²   alias-level {r2_score(y, alias_v.loc[te].values):.3f}  concept-level {r2_score(y, concept_v.loc[te].values):.3f}")


if __name__ == "__main__":
    main()
