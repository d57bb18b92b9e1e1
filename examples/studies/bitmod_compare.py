#!/usr/bin/env python3
"""Sets BitSweep's rows beside BitMoD's own simulator's, per accelerator, task and model, with the ratio (ours over
theirs), and the averaged speedups of BitMoD over ANT, OliVe and FP16; prints Markdown tables for docs/studies/bitmod.md.

  python3 examples/studies/bitmod_compare.py --ours runs/bitmod-sim/results.csv \
      [--theirs examples/studies/bitmod-sim-reference.csv] [--version e445a5f] [--energy]
  python3 examples/studies/bitmod_compare.py --ours runs/bitmod/results.csv --node 45nm --dram ddr3-horowitz
  python3 examples/studies/bitmod_compare.py --ours runs/bitmod/results.csv --further   # per node and DRAM

--theirs is what examples/studies/bitmod_sim_reference.py computed from their code (the CSV in this folder holds
both versions of their simulator: e445a5f, the 2025 rewrite, and 58d7bdb, the version behind the paper's Fig. 7).
"""
import argparse
import csv
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))
MODELS = ["opt-1.3b", "phi-2", "yi-6b", "llama-2-7b", "llama-2-13b", "llama-3-8b"]
DESIGNS = ["fp16", "ant", "olive", "bitmod", "bitmod-lossless"]
GENERATED_TOKENS = 20   # their plot notebook: a generative task is the prefill plus 20 decode steps


def design_of(row):
    """Which of their accelerators a row of ours stands for."""
    pe = row["pe"]
    if pe == "fp-mac":
        return "fp16"
    if pe == "bitmod":
        return "bitmod-lossless" if row["weights"] == "int6" else "bitmod"
    return pe


def read_ours(path, node=None, dram=None):
    """Our rows by (design, task, model), those at one node and DRAM technology where the sweep has several."""
    table = {}
    with open(path) as f:
        for row in csv.DictReader(f):
            if (node and row["node"] != node) or (dram and row["dram"] != dram):
                continue
            model, task = row["workload"].split(":")[:2]
            table[(design_of(row), task, model)] = row
    return table


def task_energy(table, design, model, task):
    """Energy of one task, as task_cycles counts it."""
    prefill = float(table[(design, "prefill", model)]["energy_pj"])
    if task == "prefill":
        return prefill
    return prefill + GENERATED_TOKENS * float(table[(design, "decode", model)]["energy_pj"])


def further(path):
    """The step further: BitMoD's mean speedup and energy saving over ANT and OliVe per node and DRAM."""
    with open(path) as f:
        combos = sorted({(r["node"], r["dram"]) for r in csv.DictReader(f)}, key=lambda c: (c[0] != "45nm", c))
    print("| node | DRAM | BitMoD speedup over ANT | over OliVe | over FP16 | BitMoD energy saving over ANT "
          "| over OliVe | over FP16 | BitMoD decode energy per token (mJ, Llama-2-7B) | its DRAM share |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for node, dram in combos:
        t = read_ours(path, node, dram)
        cells = []
        for metric in (task_cycles, task_energy):
            for base in ("ant", "olive", "fp16"):
                v = [metric(t, base, m, task) / metric(t, "bitmod", m, task)
                     for task in ("prefill", "generative") for m in MODELS]
                cells.append(f"{sum(v) / len(v):.2f}")
        d = t[("bitmod", "decode", "llama-2-7b")]
        e = float(d["energy_pj"])
        print(f"| {node} | {dram} | " + " | ".join(cells)
              + f" | {e / 1e9:,.1f} | {float(d['energy_dram_pj']) / e:.0%} |")


def read_theirs(path, version):
    with open(path) as f:
        return {(r["design"], r["task"], r["model"]): r for r in csv.DictReader(f) if r["version"] == version}


def task_cycles(table, design, model, task):
    """Cycles of one task: prefill (their discriminative task) or prefill + 20 decode steps (generative)."""
    prefill = float(table[(design, "prefill", model)]["cycles"])
    if task == "prefill":
        return prefill
    return prefill + GENERATED_TOKENS * float(table[(design, "decode", model)]["cycles"])


def speedups(table, base):
    """BitMoD's speedup over base per model and task, and their mean over the twelve."""
    values = {(task, m): task_cycles(table, base, m, task) / task_cycles(table, "bitmod", m, task)
              for task in ("prefill", "generative") for m in MODELS if (base, "prefill", m) in table}
    return values, sum(values.values()) / len(values)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--ours", required=True, help="results.csv of examples/studies/bitmod-sim.yaml or bitmod.yaml")
    p.add_argument("--theirs", default=os.path.join(HERE, "bitmod-sim-reference.csv"))
    p.add_argument("--version", default="e445a5f", help="their simulator's commit: e445a5f or 58d7bdb")
    p.add_argument("--energy", action="store_true", help="also the energy table")
    p.add_argument("--node", help="our rows at this node only (bitmod.yaml has 45nm and 7nm)")
    p.add_argument("--dram", help="our rows with this DRAM only (bitmod.yaml has ddr3-horowitz and hbm3)")
    p.add_argument("--further", action="store_true", help="only the table of the step further (bitmod.yaml)")
    a = p.parse_args()
    if a.further:
        further(a.ours)
        return
    ours, theirs = read_ours(a.ours, a.node, a.dram), read_theirs(a.theirs, a.version)

    print("| design | task | model | theirs (cycles) | ours (cycles) | ours / theirs |")
    print("|---|---|---|---|---|---|")
    for design in DESIGNS:
        for task in ("prefill", "decode"):
            for m in MODELS:
                key = (design, task, m)
                if key in ours and key in theirs:
                    t, o = float(theirs[key]["cycles"]), float(ours[key]["cycles"])
                    print(f"| {design} | {task} | {m} | {t:,.0f} | {o:,.0f} | {o / t:.3f} |")

    print()
    print("| BitMoD over | task | " + " | ".join(MODELS) + " | mean |")
    print("|---|---|" + "---|" * (len(MODELS) + 1))
    for base in ("ant", "olive", "fp16"):
        for name, table in (("theirs", theirs), ("ours", ours)):
            values, mean = speedups(table, base)
            for task in ("prefill", "generative"):
                cells = " | ".join(f"{values[(task, m)]:.2f}" for m in MODELS)
                print(f"| {base} ({name}) | {task} | {cells} | |")
            print(f"| {base} ({name}) | mean of the 12 | " + " | " * len(MODELS) + f"{mean:.3f} |")

    if a.energy:
        print()
        print("| design | task | model | theirs PE | ours MAC + registers | ratio | theirs DRAM | ours DRAM | ratio "
              "| theirs total | ours total | ratio | ours leakage |")
        print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        for design in DESIGNS:
            for task in ("prefill", "decode"):
                for m in MODELS:
                    key = (design, task, m)
                    if key not in ours or key not in theirs:
                        continue
                    t, o = theirs[key], ours[key]
                    t_pe, t_dram = float(t["compute_pj"]), float(t["dram_pj"])
                    t_total = t_pe + float(t["sram_read_pj"]) + float(t["sram_write_pj"]) + t_dram
                    o_pe = float(o["energy_mac_pj"]) + float(o["energy_register_pj"])
                    o_dram, o_total = float(o["energy_dram_pj"]), float(o["energy_pj"])
                    print(f"| {design} | {task} | {m} | {t_pe / 1e6:,.0f} | {o_pe / 1e6:,.0f} | {o_pe / t_pe:.2f} "
                          f"| {t_dram / 1e6:,.0f} | {o_dram / 1e6:,.0f} | {o_dram / t_dram:.3f} "
                          f"| {t_total / 1e6:,.0f} | {o_total / 1e6:,.0f} | {o_total / t_total:.2f} "
                          f"| {float(o['energy_leakage_pj']) / 1e6:,.0f} |")


if __name__ == "__main__":
    main()
