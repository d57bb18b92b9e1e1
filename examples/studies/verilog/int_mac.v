// An integer MAC's datapath, as int-mac models it (docs/pe-models.md): a signed A-bit x W-bit multiplier and an
// ACC-bit adder that wraps, combinational, so that Yosys counts the datapath alone; int_mac_pe adds the registers
// int-mac counts (the accumulator and the two operand registers passed to the neighbours).
// Hand-written for docs/studies/fp8-vs-int8.md; examples/studies/fp8-vs-int8-yosys.sh synthesizes it.
module int_mac #(parameter A = 8, parameter W = 8, parameter ACC = 32) (
    input  signed [A-1:0]   a,
    input  signed [W-1:0]   w,
    input  signed [ACC-1:0] acc_in,
    output signed [ACC-1:0] acc_out);
  wire signed [A+W-1:0] p = a * w;
  assign acc_out = acc_in + p;   // both signed: p is sign-extended to ACC bits
endmodule

module int_mac_pe #(parameter A = 8, parameter W = 8, parameter ACC = 32) (
    input clk,
    input  [A-1:0] a_in,
    input  [W-1:0] w_in,
    output reg [ACC-1:0] acc);
  reg [A-1:0] a;
  reg [W-1:0] w;
  wire [ACC-1:0] next;
  int_mac #(.A(A), .W(W), .ACC(ACC)) mac(.a(a), .w(w), .acc_in(acc), .acc_out(next));
  always @(posedge clk) begin
    a <= a_in;
    w <= w_in;
    acc <= next;
  end
endmodule
