// A floating-point MAC's datapath, as fp-mac models it (docs/pe-models.md): a minifloat multiplier (FE exponent bits,
// FM mantissa bits, both operands in the same format) and an IEEE adder of the accumulator format (EE, EM: fp32 is
// 8, 23; fp16 is 5, 10) with subnormals, round to nearest even, overflow to infinity, NaN and infinity rules.
// Combinational, so that Yosys counts the datapath alone; fp_mac_pe adds the registers fp-mac counts.
//
// FN = 1 reads the operands as OCP's E4M3 ("fn": no infinities, NaN only S.1111.111); FN = 0 as IEEE-like (E5M2:
// an all-ones exponent is infinity or NaN).
//
// The product is exact here (at most 2*FM+2 significand bits) and enters the adder unrounded, so the unit rounds
// once. fp-mac rounds the product into the accumulator format first; the two agree wherever that product is exact in
// the accumulator format, which holds for every E4M3 and E5M2 product in fp32 and every E4M3 product in fp16 but
// for overflow, handled here as fp-mac does (a product above the accumulator's largest finite value is infinity).
// Hand-written for docs/studies/fp8-vs-int8.md; examples/studies/fp8-vs-int8-yosys.sh synthesizes it, and
// Fp8VsInt8YosysTest evaluates it (E4M3 and E5M2 into fp32, 300 random sums each) against fl32(acc + a*w) bit for bit.
module fp_mac #(parameter integer FE = 4, parameter integer FM = 3, parameter integer FN = 1, parameter integer EE = 8, parameter integer EM = 23) (
    input  [FE+FM:0] a,
    input  [FE+FM:0] w,
    input  [EE+EM:0] acc_in,
    output reg [EE+EM:0] acc_out);
  localparam integer FBIAS = (1 << (FE - 1)) - 1;
  localparam integer EBIAS = (1 << (EE - 1)) - 1;
  localparam integer PW = 2 * FM + 2;                       // product significand bits
  localparam integer N = (EM + 1 > PW) ? EM + 1 : PW;       // common significand width
  localparam integer XW = 12;                               // signed exponents
  localparam integer RW = N + 4;                            // carry, significand, guard, round, sticky

  // Operands: sign, exponent field, mantissa; specials.
  wire sa = a[FE+FM], sw = w[FE+FM];
  wire [FE-1:0] ea = a[FE+FM-1:FM], ew = w[FE+FM-1:FM];
  wire [FM-1:0] ma = a[FM-1:0], mw = w[FM-1:0];
  wire a_top = &ea, w_top = &ew;
  wire a_nan = FN ? (a_top & (&ma)) : (a_top & (|ma));
  wire w_nan = FN ? (w_top & (&mw)) : (w_top & (|mw));
  wire a_inf = FN ? 1'b0 : (a_top & ~(|ma));
  wire w_inf = FN ? 1'b0 : (w_top & ~(|mw));
  wire a_zero = ~(|ea) & ~(|ma), w_zero = ~(|ew) & ~(|mw);

  // The exact product: significand P, value P * 2^(pexp), pexp the exponent of P's least significant bit.
  wire [FM:0] siga = {|ea, ma}, sigw = {|ew, mw};
  wire [PW-1:0] P = siga * sigw;
  wire signed [XW-1:0] pexp = ((|ea) ? $signed({1'b0, ea}) : 1) + ((|ew) ? $signed({1'b0, ew}) : 1)
                              - 2 * FBIAS - 2 * FM;
  wire ps = sa ^ sw;
  wire p_nan = a_nan | w_nan | ((a_inf | w_inf) & (a_zero | w_zero));
  wire p_inf_in = (a_inf | w_inf) & ~p_nan;
  wire p_zero = (a_zero | w_zero) & ~p_nan & ~p_inf_in;

  // The accumulator operand.
  wire sx = acc_in[EE+EM];
  wire [EE-1:0] ex = acc_in[EE+EM-1:EM];
  wire [EM-1:0] mx = acc_in[EM-1:0];
  wire x_nan = (&ex) & (|mx);
  wire x_inf = (&ex) & ~(|mx);
  wire x_zero = ~(|ex) & ~(|mx);
  wire [EM:0] sigx = {|ex, mx};
  wire signed [XW-1:0] xexp = ((|ex) ? $signed({1'b0, ex}) : 1) - EBIAS - EM;

  // Normalise both to N bits with the leading one on top (value = S * 2^E).
  reg [N-1:0] Sx, Sy;
  reg signed [XW-1:0] Ex, Ey;
  integer i, lz;
  always @* begin
    Sx = {sigx, {(N - EM - 1){1'b0}}};
    Ex = xexp - (N - EM - 1);
    lz = N;
    for (i = 0; i < N; i = i + 1)
      if (Sx[i]) lz = N - 1 - i;
    if (lz < N) begin
      Sx = Sx << lz;
      Ex = Ex - lz;
    end
    Sy = {P, {(N - PW){1'b0}}};
    Ey = pexp - (N - PW);
    lz = N;
    for (i = 0; i < N; i = i + 1)
      if (Sy[i]) lz = N - 1 - i;
    if (lz < N) begin
      Sy = Sy << lz;
      Ey = Ey - lz;
    end
  end
  // A finite product above the accumulator's largest value is infinity, as fp-mac's rounding of the product makes it.
  wire p_ovf = ~p_zero & ~p_nan & ~p_inf_in & (Ey + N - 1 > EBIAS);
  wire p_inf = p_inf_in | p_ovf;

  // Align the smaller magnitude to the larger, with guard, round and sticky bits; add or subtract.
  wire y_big = (Ey > Ex) | ((Ey == Ex) & (Sy > Sx)) | x_zero;
  wire [N-1:0] Sb = y_big ? Sy : Sx, Ss = y_big ? Sx : Sy;
  wire signed [XW-1:0] Eb = y_big ? Ey : Ex, Es = y_big ? Ex : Ey;
  wire sb = y_big ? ps : sx, ss = y_big ? sx : ps;
  wire small_zero = y_big ? x_zero : p_zero;
  wire [XW-1:0] d = Eb - Es;
  reg [RW-1:0] small_ext;
  reg sticky;
  always @* begin
    small_ext = {1'b0, Ss, 3'b000};
    sticky = 1'b0;
    for (i = 0; i < RW; i = i + 1)
      if (i < d && small_ext[i]) sticky = 1'b1;
    small_ext = (d >= RW) ? {RW{1'b0}} : (small_ext >> d);
    small_ext[0] = small_ext[0] | sticky;
    if (small_zero) small_ext = {RW{1'b0}};
  end
  wire [RW-1:0] big_ext = {1'b0, Sb, 3'b000};
  wire [RW-1:0] R = (sb == ss) ? big_ext + small_ext : big_ext - small_ext;
  wire signed [XW-1:0] L = Eb - 3;                  // exponent of R's least significant bit

  // Round R * 2^L to the accumulator format, nearest even, subnormals included.
  localparam signed [XW-1:0] TMIN = 1 - EBIAS - EM; // exponent of the smallest subnormal
  reg signed [XW-1:0] T, sh, ef;
  reg [RW-1:0] q;
  reg [EM+1:0] m;
  reg rnd, stk;
  reg [EE+EM:0] fin;
  integer p;
  always @* begin
    p = 0;
    for (i = 0; i < RW; i = i + 1)
      if (R[i]) p = i;
    T = L + p - EM;
    if (T < TMIN) T = TMIN;
    sh = T - L;
    rnd = 1'b0;
    stk = 1'b0;
    if (sh > 0) begin
      for (i = 0; i < RW; i = i + 1) begin
        if (i == sh - 1) rnd = R[i];
        if (i < sh - 1 && R[i]) stk = 1'b1;
      end
      q = R >> sh;
    end else
      q = R << (-sh);
    m = q[EM+1:0] + (rnd & (stk | q[0]));
    if (m[EM+1]) begin
      m = m >> 1;
      T = T + 1;
    end
    ef = m[EM] ? T + EM + EBIAS : 0;
    if (ef >= (1 << EE) - 1)
      fin = {sb, {EE{1'b1}}, {EM{1'b0}}};
    else
      fin = {sb, ef[EE-1:0], m[EM-1:0]};
    if (R == 0)
      fin = {(EE + EM + 1){1'b0}};                    // x + (-x) = +0 when rounding to nearest
  end

  // Specials last: NaN, infinities, then zeros that leave the other operand as it is.
  always @* begin
    if (x_nan | p_nan | (x_inf & p_inf & (sx != ps)))
      acc_out = {1'b0, {EE{1'b1}}, 1'b1, {(EM - 1){1'b0}}};
    else if (x_inf)
      acc_out = acc_in;
    else if (p_inf)
      acc_out = {ps, {EE{1'b1}}, {EM{1'b0}}};
    else if (p_zero & x_zero)
      acc_out = {sx & ps, {(EE + EM){1'b0}}};
    else if (p_zero)
      acc_out = acc_in;
    else
      acc_out = fin;
  end
endmodule

module fp_mac_pe #(parameter integer FE = 4, parameter integer FM = 3, parameter integer FN = 1, parameter integer EE = 8, parameter integer EM = 23) (
    input clk,
    input  [FE+FM:0] a_in,
    input  [FE+FM:0] w_in,
    output reg [EE+EM:0] acc);
  reg [FE+FM:0] a, w;
  wire [EE+EM:0] next;
  fp_mac #(.FE(FE), .FM(FM), .FN(FN), .EE(EE), .EM(EM)) mac(.a(a), .w(w), .acc_in(acc), .acc_out(next));
  always @(posedge clk) begin
    a <= a_in;
    w <= w_in;
    acc <= next;
  end
endmodule
