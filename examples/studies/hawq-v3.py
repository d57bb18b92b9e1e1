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

uniform = []
for fmt in ("int2", "int4", "int8"):
    with open(os.path.join(out, f"accuracy-{fmt}.json")) as f:
        uniform.append((sum(energy[fmt].values()) / int8_total, json.load(f)["top1"], fmt))
ref = allocations[0]["reference_top1"]
# (label, colour, marker, dashed, points, annotations)
series = [("uniform int2, int4, int8 (measured)", "black", "^", True,
           [(u[0], u[1]) for u in uniform], [u[2] for u in uniform])]
for candidates, color in (("int4,int8", "#1f77b4"), ("int2,int4,int8", "#ff7f0e")):
    pts = sorted((a["energy_vs_int8"], a["top1"]) for a in allocations if a["candidates"] == candidates)
    series.append((f"allocate, {candidates} (measured)", color, "o", False, pts, None))
for candidates, color in (("int4,int8", "#1f77b4"), ("int2,int4,int8", "#ff7f0e")):
    pts = sorted((r["energy_vs_int8"], ref - r["predicted_drop"]) for r in rows
                 if r["candidates"] == candidates and r["formats"])
    series.append((f"energy budget, {candidates} (int8 top-1 - predicted drop)", color, "x", True, pts, None))
xlabel = "energy of one inference / uniform int8 (16x16 int-mac, 45 nm)"
ylabel = "top-1 on the first %d test images" % sens["images"]
title = "HAWQ-V3-style per-layer precision, Fashion-MNIST CNN"


def write_svg(path):
    """The chart as SVG, drawn here: the study needs no plotting library."""
    w, h, left, right, top, bottom = 800, 500, 70, 20, 40, 60
    xs = [x for s in series for x, _ in s[4]]
    ys = [y for s in series for _, y in s[4]]
    x0, x1 = min(xs) - 0.02, max(xs) + 0.02
    y0, y1 = min(ys) - 0.01, max(ys) + 0.01
    px = lambda x: left + (x - x0) / (x1 - x0) * (w - left - right)
    py = lambda y: h - bottom - (y - y0) / (y1 - y0) * (h - top - bottom)
    e = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="11">',
         f'<rect width="{w}" height="{h}" fill="white"/>',
         f'<text x="{w / 2}" y="22" text-anchor="middle" font-size="14">{title}</text>',
         f'<rect x="{left}" y="{top}" width="{w - left - right}" height="{h - top - bottom}" fill="none" stroke="#444"/>']
    for i in range(6):
        gx, gy = x0 + (x1 - x0) * i / 5, y0 + (y1 - y0) * i / 5
        e.append(f'<line x1="{px(gx):.1f}" y1="{top}" x2="{px(gx):.1f}" y2="{h - bottom}" stroke="#ddd"/>')
        e.append(f'<text x="{px(gx):.1f}" y="{h - bottom + 15}" text-anchor="middle">{gx:.2f}</text>')
        e.append(f'<line x1="{left}" y1="{py(gy):.1f}" x2="{w - right}" y2="{py(gy):.1f}" stroke="#ddd"/>')
        e.append(f'<text x="{left - 5}" y="{py(gy) + 4:.1f}" text-anchor="end">{gy:.3f}</text>')
    e.append(f'<text x="{w / 2}" y="{h - 20}" text-anchor="middle">{xlabel}</text>')
    e.append(f'<text transform="translate(18,{h / 2}) rotate(-90)" text-anchor="middle">{ylabel}</text>')
    for k, (label, color, marker, dashed, pts, notes) in enumerate(series):
        line = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in pts)
        dash = ' stroke-dasharray="5,4"' if dashed else ""
        e.append(f'<polyline points="{line}" fill="none" stroke="{color}"{dash}/>')
        for j, (x, y) in enumerate(pts):
            e.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3.5" fill="{color}"/>' if marker == "o" else
                     f'<text x="{px(x):.1f}" y="{py(y) + 4:.1f}" text-anchor="middle" fill="{color}">'
                     f'{"×" if marker == "x" else "▲"}</text>')
            if notes:
                e.append(f'<text x="{px(x) + 5:.1f}" y="{py(y) + 14:.1f}" font-size="9">{notes[j]}</text>')
        ly = h - bottom - 12 - 15 * (len(series) - 1 - k)
        e.append(f'<line x1="{w - right - 330}" y1="{ly - 4}" x2="{w - right - 305}" y2="{ly - 4}" stroke="{color}"{dash}/>')
        e.append(f'<text x="{w - right - 300}" y="{ly}" font-size="10">{label}</text>')
    e.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(e) + "\n")
    print("wrote", path)


write_svg(os.path.join(out, "hawq-v3.svg"))
try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    print("matplotlib not installed: the chart is hawq-v3.svg only", file=sys.stderr)
    sys.exit(0)
fig, ax = plt.subplots(figsize=(8, 5))
for label, color, marker, dashed, pts, notes in series:
    ax.plot([p[0] for p in pts], [p[1] for p in pts], marker + ("--" if dashed else "-"), color=color,
            label=label, alpha=0.6 if marker == "x" else 1)
    for (x, y), n in zip(pts, notes or []):
        ax.annotate(n, (x, y), textcoords="offset points", xytext=(4, -12), fontsize=8)
ax.set_xlabel(xlabel)
ax.set_ylabel(ylabel)
ax.set_title(title)
ax.legend(fontsize=8)
ax.grid(alpha=0.3)
fig.tight_layout()
fig.savefig(os.path.join(out, "hawq-v3.png"), dpi=110)
print("wrote", os.path.join(out, "hawq-v3.png"))
