#!/usr/bin/env bash
# The FP8-versus-INT8 area ratio counted a second, independent way: the hand-written MACs of
# examples/studies/verilog/ (int_mac.v, fp_mac.v) synthesized by Yosys to two-input gates and multiplexers and
# counted in CMOS transistors (stat -tech cmos: NAND/NOR 4, AND/OR 6, XOR/XNOR 12, MUX 12, NOT 2, DFF 16): the
# datapath alone (the combinational module), and the whole PE, which adds one D flip-flop per register bit that
# int-mac and fp-mac count (the accumulator and the two operand registers), 16 transistors each as stat prices a
# $_DFF_P_. (Synthesizing int_mac_pe / fp_mac_pe instead gives the same count where Yosys keeps plain flip-flops, but it
# may fold logic into enable/reset flip-flops, which stat -tech cmos cannot price.)
# Prints one table row per MAC and the ratio to the INT8 MAC with a 32-bit accumulator.
# Needs yosys (Debian: apt-get install yosys). About a minute; docs/studies/fp8-vs-int8.md
# reads its table. Run from anywhere: examples/studies/fp8-vs-int8-yosys.sh
set -euo pipefail
cd "$(dirname "$0")/verilog"
command -v yosys >/dev/null 2>&1 || { echo "fp8-vs-int8-yosys.sh: yosys is not on the PATH (apt-get install yosys)" >&2; exit 1; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/fp8-vs-int8.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

# transistors FILE TOP PARAMS: synthesize TOP with the given chparam settings (one gate mapping, by the abc below; no
# SAT-based resource sharing, which takes gigabytes and tens of minutes on the fp32 adder and would only merge the
# float unit's two mutually exclusive shifters) and
# print its transistor estimate.
transistors() {
  local file="$1" top="$2" params="$3"
  yosys -q -p "read_verilog $file; chparam $params $top; synth -noabc -noshare -flatten -top $top; \
               abc -g AND,NAND,OR,NOR,XOR,XNOR,MUX; opt_clean; tee -q -o $tmp/stat.txt stat -tech cmos" >/dev/null
  awk '/Estimated number of transistors/ { print $NF }' "$tmp/stat.txt"
}

# name | file | datapath module | register bits (two operands and the accumulator) | parameters
configs=(
  "int8 x int8, int32 acc|int_mac.v|int_mac|48|-set A 8 -set W 8 -set ACC 32"
  "int8 x int8, int24 acc|int_mac.v|int_mac|40|-set A 8 -set W 8 -set ACC 24"
  "int8 x int8, int16 acc|int_mac.v|int_mac|32|-set A 8 -set W 8 -set ACC 16"
  "E4M3 x E4M3, fp32 acc|fp_mac.v|fp_mac|48|-set FE 4 -set FM 3 -set FN 1 -set EE 8 -set EM 23"
  "E4M3 x E4M3, fp16 acc|fp_mac.v|fp_mac|32|-set FE 4 -set FM 3 -set FN 1 -set EE 5 -set EM 10"
  "E5M2 x E5M2, fp32 acc|fp_mac.v|fp_mac|48|-set FE 5 -set FM 2 -set FN 0 -set EE 8 -set EM 23"
  "E5M2 x E5M2, fp16 acc|fp_mac.v|fp_mac|32|-set FE 5 -set FM 2 -set FN 0 -set EE 5 -set EM 10"
)

echo "| MAC | datapath transistors | whole PE transistors | datapath / int8-int32 | PE / int8-int32 |"
echo "|---|---|---|---|---|"
base_dp=""
base_pe=""
for c in "${configs[@]}"; do
  IFS='|' read -r name file dp bits params <<<"$c"
  t_dp="$(transistors "$file" "$dp" "$params")"
  t_pe=$((t_dp + 16 * bits))
  if [ -z "$base_dp" ]; then base_dp="$t_dp"; base_pe="$t_pe"; fi
  awk -v n="$name" -v d="$t_dp" -v p="$t_pe" -v bd="$base_dp" -v bp="$base_pe" \
    'BEGIN { printf "| %s | %d | %d | %.2f | %.2f |\n", n, d, p, d / bd, p / bp }'
done
