using System.Globalization;

namespace Perovspice.Devices.Bsim3;

/// <summary>
/// The BSIM3v3.3 model-card parameter table: names and defaults as in the BSIM3v3.3 user manual (Appendix A),
/// lower case. Every binnable parameter P also has its length, width and product terms lP, wP and pP (default
/// 0): P = P0 + lP/Leff + wP/Weff + pP/(Leff·Weff), with Leff and Weff in µm when binunit = 1 (the default).
/// Defaults written as "computed" in a description are derived from other parameters when not given (the
/// table's number is then only a placeholder); <see cref="Bsim3Model"/> applies those rules.
/// </summary>
public static class Bsim3Parameters
{
    // name | default | unit | binnable (b) | description
    private const string Rows = """
mobmod|1||-|mobility model selector (1, 2 or 3)
capmod|3||-|charge model selector (0, 1, 2 or 3)
nqsmod|0||-|non-quasi-static model (accepted, not implemented)
acnqsmod|0||-|ac non-quasi-static model (accepted, not implemented)
noimod|1||-|noise model selector: 1 SPICE2 flicker and thermal, 2 BSIM3 flicker and thermal, 3 BSIM3 flicker and SPICE2 thermal, 4 SPICE2 flicker and BSIM3 thermal
binunit|1||-|binning unit: 1 for µm, otherwise m
paramchk|0||-|parameter check flag (accepted)
tox|1.5e-8|m|-|gate oxide thickness
toxm|1.5e-8|m|-|oxide thickness at which parameters were extracted (default tox)
cdsc|2.4e-4|F/m²|b|drain/source to channel coupling capacitance
cdscb|0|F/(V·m²)|b|body-bias sensitivity of cdsc
cdscd|0|F/(V·m²)|b|drain-bias sensitivity of cdsc
cit|0|F/m²|b|interface trap capacitance
nfactor|1||b|subthreshold swing factor
xj|1.5e-7|m|b|junction depth
vsat|8e4|m/s|b|saturation velocity at tnom
at|3.3e4|m/s|b|temperature coefficient of vsat
a0|1||b|bulk charge effect coefficient for channel length
ags|0|1/V|b|gate-bias coefficient of Abulk
a1|0|1/V|b|first non-saturation factor
a2|1||b|second non-saturation factor
keta|-0.047|1/V|b|body-bias coefficient of the bulk charge effect
nsub|6e16|cm⁻³|b|substrate doping
nch|1.7e17|cm⁻³|b|channel doping (alias npeak)
ngate|0|cm⁻³|b|poly gate doping (0: no poly depletion)
gamma1|0|V^½|b|body effect near the interface (computed from nch when not given)
gamma2|0|V^½|b|body effect in the bulk (computed from nsub when not given)
vbx|0|V|b|vbs at which the depletion width equals xt (computed when not given)
vbm|-3|V|b|maximum applied body bias in the vth calculation
xt|1.55e-7|m|b|doping depth
k1|0.53|V^½|b|first-order body effect coefficient (computed when not given)
kt1|-0.11|V|b|temperature coefficient of vth
kt1l|0|V·m|b|channel-length dependence of kt1
kt2|0.022||b|body-bias coefficient of the vth temperature effect
k2|-0.0186||b|second-order body effect coefficient (computed when not given)
k3|80||b|narrow-width coefficient
k3b|0|1/V|b|body effect coefficient of k3
w0|2.5e-6|m|b|narrow-width parameter
nlx|1.74e-7|m|b|lateral non-uniform doping parameter
dvt0|2.2||b|first short-channel coefficient of vth
dvt1|0.53||b|second short-channel coefficient of vth
dvt2|-0.032|1/V|b|body-bias coefficient of the short-channel effect
dvt0w|0|1/m|b|first narrow-width coefficient at small L
dvt1w|5.3e6|1/m|b|second narrow-width coefficient at small L
dvt2w|-0.032|1/V|b|body-bias coefficient of the narrow-width effect at small L
drout|0.56||b|L dependence of the DIBL correction in rout
dsub|0.56||b|DIBL coefficient exponent in subthreshold (default drout)
vth0|0.7|V|b|long-channel threshold voltage at vbs = 0 (alias vtho; computed as vfb + Φ + k1√Φ, NMOS sign, when not given)
ua|2.25e-9|m/V|b|first-order mobility degradation coefficient
ua1|4.31e-9|m/V|b|temperature coefficient of ua
ub|5.87e-19|m²/V²|b|second-order mobility degradation coefficient
ub1|-7.61e-18|m²/V²|b|temperature coefficient of ub
uc|-4.65e-11|m/V²|b|body effect of mobility degradation (−0.0465 1/V for mobmod=3)
uc1|-5.6e-11|m/V²|b|temperature coefficient of uc (−0.056 1/V for mobmod=3)
u0|0.067|m²/(V·s)|b|low-field mobility at tnom (0.067 NMOS, 0.025 PMOS; values > 1 are taken in cm²/(V·s))
ute|-1.5||b|mobility temperature exponent
voff|-0.08|V|b|offset voltage in subthreshold
delta|0.01|V|b|smoothing parameter of vdseff
rdsw|0|Ω·µm^wr|b|parasitic resistance per unit width
prwg|0|1/V|b|gate-bias coefficient of rds
prwb|0|1/V^½|b|body-bias coefficient of rds
prt|0|Ω·µm^wr|b|temperature coefficient of rdsw
eta0|0.08||b|DIBL coefficient in subthreshold
etab|-0.07|1/V|b|body-bias coefficient of eta0
pclm|1.3||b|channel length modulation coefficient
pdiblc1|0.39||b|first output resistance DIBL coefficient (alias pdibl1)
pdiblc2|0.0086||b|second output resistance DIBL coefficient (alias pdibl2)
pdiblcb|0|1/V|b|body-bias coefficient of the DIBL correction (alias pdiblb)
pscbe1|4.24e8|V/m|b|first substrate current body-effect coefficient
pscbe2|1e-5|m/V|b|second substrate current body-effect coefficient
pvag|0||b|gate dependence of the Early voltage
wr|1||b|width exponent of rds
dwg|0|m/V|b|gate-bias coefficient of Weff
dwb|0|m/V^½|b|body-bias coefficient of Weff
b0|0|m|b|bulk charge effect coefficient for width
b1|0|m|b|bulk charge effect width offset
alpha0|0|m/V|b|first impact ionization coefficient
alpha1|0|1/V|b|length-independent impact ionization coefficient
beta0|30|V|b|second impact ionization coefficient
vfb|-1|V|b|flat-band voltage (computed from vth0 when vth0 is given and vfb not)
elm|5||b|Elmore constant of the channel (NQS, accepted)
cgsl|0|F/m|b|light-doped source-gate overlap capacitance
cgdl|0|F/m|b|light-doped drain-gate overlap capacitance
ckappa|0.6|V|b|coefficient of the lightly doped overlap capacitance
cf|0|F/m|b|fringing field capacitance (computed from tox when not given)
clc|1e-7|m|b|constant term of the short-channel model of Abulk for CV
cle|0.6||b|exponential term of the short-channel model of Abulk for CV
vfbcv|-1|V|b|flat-band voltage for capmod=0
noff|1||b|CV parameter of the subthreshold Vgsteff for capmod 2, 3
voffcv|0|V|b|CV offset of Vgsteff for capmod 2, 3
acde|1|m/V|b|exponential coefficient of the charge thickness (capmod=3)
moin|15||b|coefficient of the gate-bias dependent surface potential (capmod=3)
ijth|0.1|A|-|diode limiting current
lint|0|m|-|length offset fitting parameter from I–V
ll|0|m^lln|-|length dependence of the length offset
llc|0|m^lln|-|length dependence of the length offset for CV (default ll)
lln|1||-|length exponent of the length offset
lw|0|m^lwn|-|width dependence of the length offset
lwc|0|m^lwn|-|width dependence of the length offset for CV (default lw)
lwn|1||-|width exponent of the length offset
lwl|0|m^(lwn+lln)|-|area dependence of the length offset
lwlc|0|m^(lwn+lln)|-|area dependence of the length offset for CV (default lwl)
lmin|0|m|-|minimum channel length of the bin
lmax|1|m|-|maximum channel length of the bin
wint|0|m|-|width offset fitting parameter from I–V
wl|0|m^wln|-|length dependence of the width offset
wlc|0|m^wln|-|length dependence of the width offset for CV (default wl)
wln|1||-|length exponent of the width offset
ww|0|m^wwn|-|width dependence of the width offset
wwc|0|m^wwn|-|width dependence of the width offset for CV (default ww)
wwn|1||-|width exponent of the width offset
wwl|0|m^(wwn+wln)|-|area dependence of the width offset
wwlc|0|m^(wwn+wln)|-|area dependence of the width offset for CV (default wwl)
wmin|0|m|-|minimum channel width of the bin
wmax|1|m|-|maximum channel width of the bin
dwc|0|m|-|width offset for CV (default wint)
dlc|0|m|-|length offset for CV (default lint)
xl|0|m|-|length offset of the drawn length (masking and etching)
xw|0|m|-|width offset of the drawn width (masking and etching)
cgso|0|F/m|-|gate-source overlap capacitance per width (computed from dlc when not given)
cgdo|0|F/m|-|gate-drain overlap capacitance per width (computed from dlc when not given)
cgbo|0|F/m|-|gate-bulk overlap capacitance per length (computed from dwc when not given)
xpart|0||-|charge partition: 0 (40/60), 0.5 (50/50), 1 (0/100)
rsh|0|Ω/□|-|source/drain sheet resistance
js|1e-4|A/m²|-|source/drain junction saturation current density
jsw|0|A/m|-|sidewall saturation current density
pb|1|V|-|bottom junction built-in potential (alias phib)
nj|1||-|junction emission coefficient
xti|3||-|junction current temperature exponent
mj|0.5||-|bottom junction grading coefficient
pbsw|1|V|-|sidewall junction built-in potential
mjsw|0.33||-|sidewall junction grading coefficient
pbswg|1|V|-|gate-side sidewall built-in potential (default pbsw)
mjswg|0.33||-|gate-side sidewall grading coefficient (default mjsw)
cj|5e-4|F/m²|-|bottom junction capacitance per area
cjsw|5e-10|F/m|-|sidewall junction capacitance per length
cjswg|5e-10|F/m|-|gate-side sidewall junction capacitance per length (default cjsw)
tpb|0|V/K|-|temperature coefficient of pb
tcj|0|1/K|-|temperature coefficient of cj
tpbsw|0|V/K|-|temperature coefficient of pbsw
tcjsw|0|1/K|-|temperature coefficient of cjsw
tpbswg|0|V/K|-|temperature coefficient of pbswg
tcjswg|0|1/K|-|temperature coefficient of cjswg
tnom|27|°C|-|temperature at which parameters are extracted
kf|0||-|flicker noise coefficient (noimod 1, 4: kf·Ids^af/(f^ef·Cox·Leff²))
af|1||-|flicker noise current exponent (noimod 1, 4)
ef|1||-|flicker noise frequency exponent (every noimod)
noia|1e20||-|flicker noise parameter A (noimod 2, 3; 1e20 NMOS, 9.9e18 PMOS)
noib|5e4||-|flicker noise parameter B (noimod 2, 3; 5e4 NMOS, 2.4e3 PMOS)
noic|-1.4e-12||-|flicker noise parameter C (noimod 2, 3; -1.4e-12 NMOS, 1.4e-12 PMOS)
em|4.1e7|V/m|-|saturation field of the flicker noise's ΔLclm (noimod 2, 3; em ≤ 0: no ΔLclm term)
lintnoi|0|m|-|length offset of the flicker noise (noimod 2, 3: L = Leff − 2·lintnoi; ngspice's addition)
""";

    private static readonly Dictionary<string, string[]> AliasTable = new()
    {
        ["nch"] = new[] { "npeak" },
        ["vth0"] = new[] { "vtho" },
        ["pdiblc1"] = new[] { "pdibl1" },
        ["pdiblc2"] = new[] { "pdibl2" },
        ["pdiblcb"] = new[] { "pdiblb" },
        ["pb"] = new[] { "phib" },
    };

    /// <summary>Names of the binnable parameters (each has l/w/p-prefixed variants).</summary>
    public static IReadOnlyList<string> Binnable { get; }

    /// <summary>The full table (binnable parameters followed by their l, w and p variants).</summary>
    public static IReadOnlyList<ParameterInfo> Table { get; }

    static Bsim3Parameters()
    {
        (Table, Binnable) = BinnedParameterTable.Build(Rows, AliasTable, new HashSet<string> { "tox", "toxm" });
    }
}
