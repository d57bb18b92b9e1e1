#!/usr/bin/env python3
"""Runs BitMoD's own accelerator simulator (abdelfattah-lab/BitMoD-HPCA-25, folder bitmod_sim/) on the model shapes of
BitSweep's zoo, offline, and prints what it computes: cycles and energies per accelerator, task and model.

Their code is run unmodified from a checkout you give; three things it needs from outside are supplied here:
  * torch: accelerator.py imports torch.nn and never uses it, so an empty module stands in for it.
  * model_shape_config/*.pickle: their llm_shape_profile.py writes (config dict, {Linear name: [out, in]}) by loading
    each Hugging Face checkpoint. We write the same two things from workloads/src/main/resources/zoo/NAME.yaml (the
    models' config.json): every nn.Linear of the Hugging Face module tree, the LM head included, in module order.
  * CACTI: their MemoryInstance runs a CACTI binary the repository keeps outside git's reach. Its read and write
    energy per access come here from BitSweep's CACTI 7 grid (cost-models memory/sram-cacti.yaml, itrs-hp cells at
    360 K as their template has, 28 nm as their config asks), at their shape: one bank of size/banks bytes read
    rw_bw/banks bits wide, times the banks (as their cacti_simulation.py multiplies). Their template adds ECC and
    CACTI picks the line size; ours does neither, so their SRAM energies are approximate here. A width below the
    grid's 32 bits (the FP16 baseline's 192-bit input buffer over 8 banks) is priced by the power law of the grid's
    two narrowest widths, and the output says so. Cycles never depend on CACTI.

Usage (from the repository root; a checkout of their repository at commit e445a5f or 58d7bdb):
  python3 examples/studies/bitmod_sim_reference.py --sim BitMoD-HPCA-25/bitmod_sim [--json | --csv] [--version ID]
examples/studies/bitmod-sim-reference.csv holds its --csv output for both commits.
"""
import argparse
import contextlib
import csv
import io
import json
import math
import os
import pickle
import runpy
import subprocess
import sys
import tempfile
import types

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Hugging Face id (their test scripts' model_list) -> (BitSweep zoo name, their pickle file name).
MODELS = {
    "facebook/opt-1.3b": ("opt-1.3b", "opt_1_point_3"),
    "microsoft/phi-2": ("phi-2", "phi_2"),
    "01-ai/Yi-6B": ("yi-6b", "yi_6"),
    "meta-llama/Llama-2-7b-hf": ("llama-2-7b", "llama_2_7"),
    "meta-llama/Llama-2-13b-hf": ("llama-2-13b", "llama_2_13"),
    "meta-llama/Meta-Llama-3-8B": ("llama-3-8b", "llama_3_8"),
}

# Their four accelerators and the flags of each run (the README's step 3).
RUNS = [
    ("fp16", "test_baseline.py", []),
    ("ant", "test_ant.py", []),
    ("olive", "test_olive.py", []),
    ("bitmod", "test_bitmod.py", []),
    ("bitmod-lossless", "test_bitmod.py", ["--is_lossless"]),
]


def zoo(name):
    with open(os.path.join(ROOT, "workloads/src/main/resources/zoo", name + ".yaml")) as f:
        return yaml.safe_load(f)


def linear_layers(spec):
    """The nn.Linear modules of the Hugging Face model, {name: [out_features, in_features]}, in module order."""
    h, inter, kv = spec["hidden_size"], spec["intermediate_size"], spec["num_key_value_heads"]
    kv_width = kv * h // spec["num_attention_heads"]
    layers = {}
    for b in range(spec["num_hidden_layers"]):
        p = f"model.layers.{b}."
        layers[p + "self_attn.q_proj"] = [h, h]
        layers[p + "self_attn.k_proj"] = [kv_width, h]
        layers[p + "self_attn.v_proj"] = [kv_width, h]
        layers[p + "self_attn.o_proj"] = [h, h]
        if spec["gated_mlp"]:
            layers[p + "mlp.gate_proj"] = [inter, h]
            layers[p + "mlp.up_proj"] = [inter, h]
            layers[p + "mlp.down_proj"] = [h, inter]
        else:
            layers[p + "mlp.fc1"] = [inter, h]
            layers[p + "mlp.fc2"] = [h, inter]
    layers["lm_head"] = [spec["vocab_size"], h]
    return layers


def write_pickles(directory):
    os.makedirs(os.path.join(directory, "model_shape_config"), exist_ok=True)
    for hf_id, (name, pickle_name) in MODELS.items():
        spec = zoo(name)
        config = {k: spec[k] for k in ("hidden_size", "num_hidden_layers", "num_attention_heads")}
        if spec["num_key_value_heads"] != spec["num_attention_heads"]:
            config["num_key_value_heads"] = spec["num_key_value_heads"]
        with open(os.path.join(directory, "model_shape_config", pickle_name + ".pickle"), "wb") as f:
            pickle.dump((config, linear_layers(spec)), f)


class CactiGrid:
    """BitSweep's CACTI 7 itrs-hp grid at one node: one bank's read and write energy, log-log interpolated."""

    def __init__(self, node):
        with open(os.path.join(ROOT, "cost-models/src/main/resources/memory/sram-cacti.yaml")) as f:
            data = yaml.safe_load(f)
        rows = next(n for n in data["nodes"] if n["node"] == node)["rows"]
        self.one_bank = {(r[0], r[1]): (r[3], r[4]) for r in rows if r[2] == 1}
        self.extrapolated = []

    def _at_width(self, capacity, width):
        widths = sorted(w for (c, w) in self.one_bank if c == capacity)
        if width in widths:
            return self.one_bank[(capacity, width)]
        lo = max([w for w in widths if w < width], default=None)
        hi = min([w for w in widths if w > width], default=None)
        if lo is None:  # narrower than the grid: the power law of its two narrowest widths
            lo, hi = widths[0], widths[1]
            self.extrapolated.append((capacity, width))
        a, b = self.one_bank[(capacity, lo)], self.one_bank[(capacity, hi)]
        t = math.log(width / lo) / math.log(hi / lo)
        return tuple(math.exp(math.log(x) + t * (math.log(y) - math.log(x))) for x, y in zip(a, b))

    def run_cacti(self, mem_config):
        banks = int(mem_config["bank_count"])
        capacity = int(mem_config["size"] / 8 / banks)
        width = mem_config["rw_bw"] / banks
        read_pj, write_pj = self._at_width(capacity, width)
        return {"technology": mem_config["technology"], "size": capacity * 8 * banks, "bank_count": banks,
                "mem_type": mem_config["mem_type"], "r_port": mem_config["r_port"], "w_port": mem_config["w_port"],
                "rw_port": mem_config["rw_port"], "rw_bw": mem_config["rw_bw"], "latency": 0.0, "area": 0.0,
                "r_cost": read_pj * banks, "w_cost": write_pj * banks}


def run(sim, generation):
    """Runs their four test scripts for one task; returns one row per accelerator and model."""
    sys.modules.setdefault("torch", types.ModuleType("torch"))
    sys.modules.setdefault("torch.nn", types.ModuleType("torch.nn"))
    sys.modules["torch"].nn = sys.modules["torch.nn"]
    sys.path.insert(0, sim)
    import accelerator
    import mem.cacti_simulation as cacti_simulation
    grid = CactiGrid("28nm")
    cacti_simulation.CactiSimulation.run_cacti = lambda self: grid.run_cacti(self.mem_config)

    built = []
    base = accelerator.Accelerator

    class Recorded(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            built.append((kwargs["model_name"], self))

    accelerator.Accelerator = Recorded
    rows = []
    for design, script, flags in RUNS:
        built.clear()
        sys.argv = [script] + (["--is_generation"] if generation else []) + flags
        with contextlib.redirect_stdout(io.StringIO()):
            runpy.run_path(os.path.join(sim, script), run_name="__main__")
        for hf_id, acc in built:
            with contextlib.redirect_stdout(io.StringIO()):
                compute_cycles, cycles = acc.calc_cycle()
            attention = [n for n in acc.layer_name_list if "attn_qk" in n or "attn_v" in n]
            layer_cycles = {n: max(acc._layer_cycle_compute[n], acc._layer_cycle_dram[n]) for n in acc.layer_name_list}
            rows.append({
                "design": design, "task": "decode" if generation else "prefill", "model": MODELS[hf_id][0],
                "array": "%dx%d" % (acc.pe_array_dim["h"], acc.pe_array_dim["w"]),
                "w_prec": acc.w_prec, "kv_prec": getattr(acc, "kv_prec", acc.i_prec),
                "cycles": int(cycles), "compute_cycles": int(compute_cycles),
                "attention_compute_cycles": int(sum(acc._layer_cycle_compute[n] for n in attention)),
                "attention_dram_cycles": int(sum(acc._layer_cycle_dram[n] for n in attention)),
                "linear_dram_cycles": int(sum(v for n, v in acc._layer_cycle_dram.items() if n not in attention)),
                "attention_cycles": int(sum(layer_cycles[n] for n in attention)),
                "lm_head_compute_cycles": int(acc._layer_cycle_compute["lm_head"]),
                "lm_head_cycles": int(layer_cycles["lm_head"]),
                "compute_pj": float(acc.calc_compute_energy()), "sram_read_pj": float(acc.calc_sram_rd_energy()),
                "sram_write_pj": float(acc.calc_sram_wr_energy()), "dram_pj": float(acc.calc_dram_energy()),
                "w_sram_read_pj": acc.w_sram.r_cost, "i_sram_read_pj": acc.i_sram.r_cost,
            })
    accelerator.Accelerator = base
    sys.path.remove(sim)
    return rows, sorted(set(grid.extrapolated))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sim", required=True, help="their bitmod_sim/ folder")
    parser.add_argument("--json", action="store_true", help="one JSON object instead of a table")
    parser.add_argument("--csv", action="store_true", help="CSV rows (with a header) instead of a table")
    parser.add_argument("--version", help="the commit of their code, for the CSV (default: git's short hash)")
    args = parser.parse_args()
    sim = os.path.abspath(args.sim)
    version = args.version or subprocess.run(["git", "-C", sim, "rev-parse", "--short=7", "HEAD"],
                                             capture_output=True, text=True).stdout.strip() or "unknown"
    work = tempfile.mkdtemp(prefix="bitmod-sim-")
    write_pickles(work)
    os.chdir(work)  # their pe_array.py reads ./model_shape_config/
    rows, extrapolated = [], []
    for generation in (False, True):
        r, e = run(sim, generation)
        rows += r
        extrapolated += e
    if args.json:
        print(json.dumps({"sim": sim, "version": version, "rows": rows,
                          "cacti_extrapolated": sorted(set(extrapolated))}, indent=1))
        return
    if args.csv:
        out = csv.DictWriter(sys.stdout, fieldnames=["version"] + list(rows[0]), lineterminator="\n")
        out.writeheader()
        for r in rows:
            out.writerow({"version": version, **r})
        return
    print("design task model array w_prec kv_prec cycles compute_cycles compute_pj sram_read_pj sram_write_pj dram_pj")
    for r in rows:
        print(" ".join(str(r[k]) for k in ("design", "task", "model", "array", "w_prec", "kv_prec", "cycles",
                                           "compute_cycles", "compute_pj", "sram_read_pj", "sram_write_pj",
                                           "dram_pj")))


if __name__ == "__main__":
    main()
