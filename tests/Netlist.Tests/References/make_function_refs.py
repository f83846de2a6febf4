#!/usr/bin/env python3
"""Regenerates the ngspice 39 reference values for ExpressionFunctionTests.

Run from this folder:  python3 make_function_refs.py
For each expression below it writes functions.cir (one `.param pK={expr}` per expression, each driving a voltage
source, B-source expressions as `bK nK 0 v={expr}`), runs `ngspice -b functions.cir` and stores
`<kind>\t<expr>\t<value>` lines in functions.ngspice.txt (kind: param or bsource). The test never runs ngspice."""
import subprocess

PARAM = ["nint(2.5)", "nint(-2.5)", "nint(3.5)", "nint(0.5)", "nint(-0.5)", "nint(1.5)", "int(-2.7)", "int(2.7)",
         "floor(-2.5)", "ceil(-2.5)", "sgn(-3)", "sgn(0)", "sgn(2)", "log(100)", "ln(10)", "log10(1000)", "exp(1)",
         "2**3", "-2^2", "2^-1", "(3>2)?10:20", "(3<2)?10:20", "(2==2)+(2!=2)*10", "(1&&0)+(1||0)*10+!0*100",
         "3<=3", "3>=4", "3<4", "3>4", "asin(0.5)", "acos(0.5)", "tan(1)", "atan(1)", "sinh(1)", "cosh(1)", "tanh(1)",
         "abs(-3)", "min(3,1)", "max(3,4)", "sqrt(2)", "1+2*3-4/8", "2^3^2", "1 ? 2 : 0 ? 3 : 4", "0 ? 2 : 0 ? 3 : 4",
         "!(1>2) && (2>1)", "-(3-5)*2", "myf(3,4)", "g2(5)", "myf(g2(1),-1)", "cube(2)+k0",
         "sqr(3)", "arctan(1)", "max(3)", "min(-2)"]
BSRC = ["nint(2.5)", "nint(-2.5)", "floor(-2.5)", "ceil(-2.5)", "sgn(v(x))", "pwr(v(x),3)", "pwr(v(x),2)",
        "log(100)", "v(x)>-3?10:20", "(v(x)==-2)+(2!=2)*10", "(1&&0)+(1||0)*10+!0*100", "-2^2", "temper",
        "asinh(1)", "acosh(2)", "atanh(0.5)", "u(v(x))", "uramp(-v(x))", "min(v(x),1)", "max(v(x),1)",
        "v(x)<0 ? sqrt(-v(x)) : sqrt(v(x))", "myf(v(x),3)",
        "u(v(x)+2)", "u2(v(x)/-4)", "u2(-v(x))", "pwl(v(x), -10, -8, 2, 4, 12, 9)", "pwl(v(x)*20, -10, -8, 2, 4, 12, 9)",
        "eq0(v(x)+2)", "ne0(v(x))", "gt0(v(x))", "lt0(v(x))", "ge0(v(x)+2)", "le0(v(x))"]
PRE = [".func myf(x,y) {x*y+1}", ".func g2(x) = {myf(x,2)*2}", ".param cube(a)={a*a*a}", ".param k0=0.5"]

def main():
    lines = ["ngspice reference values for ExpressionFunctionTests"] + PRE + ["vx x 0 -2", "rx x 0 1"]
    names = []
    for k, e in enumerate(PARAM):
        lines += [f".param p{k}={{{e}}}", f"vp{k} p{k} 0 {{p{k}}}", f"rp{k} p{k} 0 1"]
        names.append(("param", e, f"v(p{k})"))
    for k, e in enumerate(BSRC):
        lines += [f"bb{k} b{k} 0 v={{{e}}}", f"rb{k} b{k} 0 1"]
        names.append(("bsource", e, f"v(b{k})"))
    lines += [".op", ".control", "option numdgt=15", "run"]
    lines += [f"print {n}" for _, _, n in names]
    lines += [".endc", ".end"]
    open("functions.cir", "w").write("\n".join(lines) + "\n")
    out = subprocess.run(["ngspice", "-b", "functions.cir"], capture_output=True, text=True).stdout
    values = {}
    for l in out.splitlines():
        if "=" in l and l.strip().startswith("v("):
            k, v = l.split("=")
            values[k.strip()] = v.strip()
    with open("functions.ngspice.txt", "w") as f:
        for kind, e, n in names:
            f.write(f"{kind}\t{e}\t{values[n]}\n")

main()
