#!/usr/bin/env bash
# HAWQ-V3 (Yao et al., ICML 2021) on the Fashion-MNIST CNN: per-layer weight precision chosen by integer linear
# programming, here under storage budgets (bitsweep allocate) and under energy budgets (the same additive objective,
# every assignment of int2/int4/int8 to the CNN's four layers tried, each priced by the simulator).
#   1. Each layer's energy at each weight format: simulate the CNN with uniform int2, int4 and int8 weights (int8
#      activations, as allocate's) on a 16x16 int-mac array at 45 nm, one inference, and keep the per-layer energy;
#      and the uniform designs' top-1 on the same images.
#   2. allocate at several bits-per-weight budgets (top-1 measured on the chosen mix), with HAWQ-V3's own INT4/8
#      candidates and with int2 added.
#   3. Energy budgets (examples/studies/hawq-v3.py): for each budget, as a fraction of uniform int8's energy, the
#      assignment with the least summed per-layer top-1 drop (allocate's sensitivities) whose energy fits.
# Writes OUT/allocations.csv, OUT/energy-budgets.csv, the chart OUT/hawq-v3.svg and, where matplotlib is
# installed, OUT/hawq-v3.png.
# Run: examples/studies/hawq-v3.sh [OUT] (default runs/hawq-v3). Page: docs/studies/hawq-v3.md
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bitsweep="$here/../../bitsweep"
out=${1:-runs/hawq-v3}
images=${HAWQ_IMAGES:-1000}
budgets=${HAWQ_BUDGETS:-"2.5 3 4 4.5 6 8.7"}
mkdir -p "$out"
for w in int2 int4 int8; do
  "$bitsweep" simulate --pe int-mac --array 16x16 --node 45nm --workload fmnist-cnn --weights "$w" \
    --activations int8 --granularity channel:0 --json > "$out/simulate-$w.json"
  "$bitsweep" accuracy --model fmnist-cnn --weights "$w:channel:0" --activations int8 --images "$images" \
    --json > "$out/accuracy-$w.json"
done
for formats in int4,int8 int2,int4,int8; do
  for b in $budgets; do
    "$bitsweep" allocate --model fmnist-cnn --formats "$formats" --budget-bits-per-weight "$b" \
      --images "$images" --json > "$out/allocate-$formats-$b.json" || rm -f "$out/allocate-$formats-$b.json"
  done
done
python3 "$here/hawq-v3.py" "$out"
