"""Combines hawq-v3.sh's simulate and allocate outputs: the energy of each allocation, and the least-drop
assignment under each energy budget. Usage: python3 hawq-v3.py OUT"""
import csv
import glob
import itertools
import json
import os
import sys

out = sys.argv[1]
energy = {}  # format -> layer -> pJ of one inference
for w in ("int2", "int4", "int8"):
    with open(os.path.join(out, f"simulate-{w}.json")) as f:
        sim = json.load(f)
    energy[w] = {}
    for layer in sim["layers"]:
        energy[w][layer["name"]] = energy[w].get(layer["name"], 0.0) + layer["energy_pj"] * layer["count"]
int8_total = sum(energy["int8"].values())

allocations = []
for path in sorted(glob.glob(os.path.join(out, "allocate-*.json"))):
    with open(path) as f:
        a = json.load(f)
    e = sum(energy[fmt][layer] for layer, fmt in a["formats"].items())
    allocations.append({"candidates": ",".join(a["sensitivity"]["formats"]), "budget_bits": a["budget_bits_per_weight"],
                        "bits_per_weight": round(a["bits_per_weight"], 4),
                        "formats": " ".join(f"{l}={f}" for l, f in a["formats"].items()),
                        "energy_pj": round(e), "energy_vs_int8": round(e / int8_total, 4),
                        "top1": a["top1"], "reference_top1": a["sensitivity"]["reference_top1"],
                        "predicted_drop": round(a["predicted_drop"], 4), "measured_drop": round(a["measured_drop"], 4)})
with open(os.path.join(out, "allocations.csv"), "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=list(allocations[0]))
    w.writeheader()
    w.writerows(allocations)

# Energy budgets: the sensitivities of the run with all three candidates (any of its allocate files holds them).
full = [p for p in glob.glob(os.path.join(out, "allocate-int2,int4,int8-*.json"))]
with open(sorted(full)[0]) as f:
    sens = json.load(f)["sensitivity"]
layers = [l["layer"] for l in sens["layers"]]
drop = {l["layer"]: {fmt: v["drop"] for fmt, v in l["formats"].items()} for l in sens["layers"]}
rows = []
for candidates in (("int4", "int8"), ("int2", "int4", "int8")):
    for budget in [round(0.55 + 0.025 * i, 3) for i in range(19)]:
        best = None
        for choice in itertools.product(candidates, repeat=len(layers)):
            e = sum(energy[fmt][l] for l, fmt in zip(layers, choice))
            d = sum(drop[l][fmt] for l, fmt in zip(layers, choice))
            if e <= budget * int8_total and (best is None or (d, e) < (best[0], best[1])):
                best = (d, e, choice)
        rows.append({"candidates": ",".join(candidates), "energy_budget_vs_int8": budget,
                     "formats": "" if best is None else " ".join(f"{l}={f}" for l, f in zip(layers, best[2])),
                     "energy_vs_int8": "" if best is None else round(best[1] / int8_total, 4),
                     "predicted_drop": "" if best is None else round(best[0], 4)})
with open(os.path.join(out, "energy-budgets.csv"), "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0]))
    w.writeheader()
    w.writerows(rows)
for fmt in ("int2", "int4", "int8"):
    with open(os.path.join(out, f"accuracy-{fmt}.json")) as f:
        print("uniform", fmt, "energy_vs_int8", round(sum(energy[fmt].values()) / int8_total, 4), "top1",
              json.load(f)["top1"])
for r in allocations:
    print(r)
for r in rows:
    print(r)

try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    print("matplotlib not installed: no chart", file=sys.stderr)
    sys.exit(0)
fig, ax = plt.subplots(figsize=(8, 5))
uniform = []
for fmt in ("int2", "int4", "int8"):
    with open(os.path.join(out, f"accuracy-{fmt}.json")) as f:
        uniform.append((sum(energy[fmt].values()) / int8_total, json.load(f)["top1"], fmt))
ax.plot([u[0] for u in uniform], [u[1] for u in uniform], "k^:", label="uniform int2, int4, int8 (measured)")
for e, t, fmt in uniform:
    ax.annotate(fmt, (e, t), textcoords="offset points", xytext=(4, -12), fontsize=8)
for candidates, color in (("int4,int8", "tab:blue"), ("int2,int4,int8", "tab:orange")):
    pts = sorted((a["energy_vs_int8"], a["top1"]) for a in allocations if a["candidates"] == candidates)
    ax.plot([p[0] for p in pts], [p[1] for p in pts], "o-", color=color, label=f"allocate, {candidates} (measured)")
for candidates, color in (("int4,int8", "tab:blue"), ("int2,int4,int8", "tab:orange")):
    ref = allocations[0]["reference_top1"]
    pts = sorted((r["energy_vs_int8"], ref - r["predicted_drop"]) for r in rows
                 if r["candidates"] == candidates and r["formats"])
    ax.plot([p[0] for p in pts], [p[1] for p in pts], "x--", color=color, alpha=0.6,
            label=f"energy budget, {candidates} (int8 top-1 - predicted drop)")
ax.set_xlabel("energy of one inference / uniform int8 (16x16 int-mac, 45 nm)")
ax.set_ylabel("top-1 on the first %d test images" % sens["images"])
ax.set_title("HAWQ-V3-style per-layer precision, Fashion-MNIST CNN")
ax.legend(fontsize=8)
ax.grid(alpha=0.3)
fig.tight_layout()
fig.savefig(os.path.join(out, "hawq-v3.png"), dpi=110)
print("wrote", os.path.join(out, "hawq-v3.png"))
