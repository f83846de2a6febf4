using System.Globalization;

namespace Perovspice.Devices.Bsim4;

/// <summary>
/// The BSIM4.8 model-card parameter table: names and defaults as in the BSIM4.8 user manual (Appendix A), lower
/// case. Every binnable parameter P (marked b) also has its length, width and product terms lP, wP and pP (default
/// 0): P = P0 + lP/Leff + wP/Weff + pP/(Leff·Weff), Leff and Weff in µm when binunit = 1 (the default), in m
/// otherwise. Defaults that depend on the type (NMOS value listed) or on other parameters (written "default x" in
/// the description) are applied by <see cref="Bsim4Model"/>.
/// </summary>
public static class Bsim4Parameters
{
    // name | default | unit | binnable (b) | description
    private const string Rows = """
mobmod|0||-|mobility model selector (0, 1, 2; 3 from version 4.6 on)
binunit|1||-|binning unit: 1 for µm, otherwise m
paramchk|1||-|parameter check flag (accepted)
capmod|2||-|charge model selector (accepted; charges are not implemented yet)
diomod|1||-|junction diode current model (0, 1 or 2)
rdsmod|0||-|bias-dependent source/drain resistance: 0 internal (in Ids), 1 external nodes
trnqsmod|0||-|transient NQS model (0 only)
acnqsmod|0||-|ac NQS model (0 only)
rbodymod|0||-|substrate resistance network: 0 none, 1 five resistors, 2 scalable
rgatemod|0||-|gate resistance model: 0 none, 1 constant, 2 bias-dependent, 3 two nodes
permod|1||-|whether the gate-edge perimeter is excluded from ps/pd (1) or not (0)
geomod|0||-|layout of the end source/drain diffusions (0-10)
rgeomod|0||-|source/drain diffusion resistance from geometry (0: from nrs/nrd)
fnoimod|1||-|flicker noise model (accepted)
tnoimod|0||-|thermal noise model (accepted)
igcmod|0||-|gate-to-channel tunneling current: 0 off, 1 (vth0-based), 2 (vth-based)
igbmod|0||-|gate-to-body tunneling current: 0 off, 1 on
tempmod|0||-|temperature model (0, 1, 2; 3 from version 4.7 on)
mtrlmod|0||-|new material model (0 only)
mtrlcompatmod|0||-|material compatibility (accepted)
gidlmod|0||-|GIDL/GISL model: 0 (BSIM4.6), 1 (BSIM4.7 rgidl/kgidl/fgidl)
cvchargemod|0||-|C-V charge model (accepted)
wpemod|0||-|well proximity effect: 0 off, 1 on
version|4.8||-|model version (text; accepted)
toxe|3e-9|m|-|electrical gate oxide thickness
toxp|3e-9|m|-|physical gate oxide thickness (default toxe − dtox)
toxm|3e-9|m|-|oxide thickness at which parameters were extracted (default toxe)
dtox|0|m|-|toxe − toxp
epsrox|3.9||-|relative permittivity of the gate dielectric
toxref|3e-9|m|-|reference oxide thickness of the gate tunneling
eot|1.5e-9|m|-|equivalent oxide thickness (mtrlmod=1)
vddeot|1.5|V|-|gate bias of the eot extraction (mtrlmod=1)
tempeot|300.15|K|-|temperature of the eot extraction (mtrlmod=1)
leffeot|1e-6|m|-|effective length of the eot extraction (mtrlmod=1)
weffeot|1e-5|m|-|effective width of the eot extraction (mtrlmod=1)
ados|1||-|charge centroid parameter
bdos|1||-|charge centroid parameter
phig|4.05|eV|-|gate work function (mtrlmod=1)
epsrgate|11.7||-|gate dielectric constant (mtrlmod=1)
easub|4.05|eV|-|substrate electron affinity (mtrlmod=1)
epsrsub|11.7||-|substrate dielectric constant (mtrlmod=1)
ni0sub|1.45e10|cm⁻³|-|intrinsic carrier density at 300.15 K (mtrlmod=1)
bg0sub|1.16|eV|-|band gap at 0 K (mtrlmod=1)
tbgasub|7.02e-4|eV/K|-|band gap temperature coefficient (mtrlmod=1)
tbgbsub|1108|K|-|band gap temperature coefficient (mtrlmod=1)
xj|1.5e-7|m|b|source/drain junction depth
ndep|1.7e17|cm⁻³|b|channel doping at the depletion edge (alias nch)
nsd|1e20|cm⁻³|b|source/drain doping
phin|0|V|b|non-uniform vertical doping effect on the surface potential
ngate|0|cm⁻³|b|poly gate doping (0: no poly depletion)
nsub|6e16|cm⁻³|b|substrate doping
gamma1|0|V^½|b|body effect near the interface (computed from ndep when k1, k2 are not given)
gamma2|0|V^½|b|body effect in the bulk (computed from nsub)
vbx|0|V|b|vbs at which the depletion width equals xt (computed when not given)
vbm|-3|V|b|maximum applied body bias in the vth calculation
xt|1.55e-7|m|b|doping depth
vth0|0.7|V|b|long-channel threshold at vbs = 0 (alias vtho; NMOS 0.7, PMOS −0.7; computed from vfb when not given)
vfb|-1|V|b|flat-band voltage (computed from vth0 when vth0 is given and vfb not)
k1|0.53|V^½|b|first-order body effect coefficient (computed when neither k1 nor k2 is given)
k2|-0.0186||b|second-order body effect coefficient
k3|80||b|narrow-width coefficient
k3b|0|1/V|b|body effect coefficient of k3
w0|2.5e-6|m|b|narrow-width parameter
lpe0|1.74e-7|m|b|lateral non-uniform doping at vbs = 0 (alias nlx)
lpeb|0|m|b|lateral non-uniform doping effect on the body effect
dvtp0|0|m|b|first DITS (pocket) coefficient of vth
dvtp1|0|1/V|b|second DITS coefficient of vth
dvtp2|0|m·V|b|DITS coefficient (BSIM4.7)
dvtp3|0||b|DITS length exponent (BSIM4.7)
dvtp4|0|1/V|b|DITS drain-bias coefficient (BSIM4.7)
dvtp5|0|V|b|DITS constant term (BSIM4.7)
dvt0|2.2||b|first short-channel coefficient of vth
dvt1|0.53||b|second short-channel coefficient of vth
dvt2|-0.032|1/V|b|body-bias coefficient of the short-channel effect
dvt0w|0|1/m|b|first narrow-width coefficient at small L
dvt1w|5.3e6|1/m|b|second narrow-width coefficient at small L
dvt2w|-0.032|1/V|b|body-bias coefficient of the narrow-width effect at small L
dsub|0.56||b|DIBL coefficient exponent in subthreshold (default drout)
eta0|0.08||b|DIBL coefficient in subthreshold
etab|-0.07|1/V|b|body-bias coefficient of eta0
voff|-0.08|V|b|offset voltage in subthreshold at large L
voffl|0|m·V|-|length dependence of voff
minv|0||b|Vgsteff fitting for moderate inversion
minvcv|0||b|Vgsteff fitting for moderate inversion in C-V
voffcvl|0|m·V|-|length dependence of voffcv
nfactor|1||b|subthreshold swing factor
cdsc|2.4e-4|F/m²|b|drain/source to channel coupling capacitance
cdscb|0|F/(V·m²)|b|body-bias sensitivity of cdsc
cdscd|0|F/(V·m²)|b|drain-bias sensitivity of cdsc
cit|0|F/m²|b|interface trap capacitance
u0|0.067|m²/(V·s)|b|low-field mobility (NMOS 0.067, PMOS 0.025; values > 1 in cm²/(V·s))
ua|1e-9|m/V|b|first-order mobility degradation coefficient (1e-15 for mobmod=2)
ub|1e-19|m²/V²|b|second-order mobility degradation coefficient
uc|-0.0465e-9|m/V²|b|body effect of mobility degradation (−0.0465 1/V for mobmod=1)
ud|0|m⁻²|b|Coulomb scattering coefficient (1e14 for versions 4.0-4.5)
up|0|m⁻²|b|mobility channel-length coefficient
lp|1e-8|m|b|mobility channel-length exponential coefficient
eu|1.67||b|exponent of mobmod=2 (NMOS 1.67, PMOS 1.0)
ucs|1.67||b|Coulomb scattering exponent (mobmod=3; NMOS 1.67, PMOS 1.0)
vsat|8e4|m/s|b|saturation velocity
a0|1||b|bulk charge effect coefficient for channel length
ags|0|1/V|b|gate-bias coefficient of Abulk
a1|0|1/V|b|first non-saturation factor
a2|1||b|second non-saturation factor
b0|0|m|b|bulk charge effect coefficient for width
b1|0|m|b|bulk charge effect width offset
keta|-0.047|1/V|b|body-bias coefficient of the bulk charge effect
dwg|0|m/V|b|gate-bias coefficient of Weff
dwb|0|m/V^½|b|body-bias coefficient of Weff
delta|0.01|V|b|smoothing parameter of vdseff
rdsw|200|Ω·µm^wr|b|zero-bias LDD resistance per unit width (rdsmod=0)
rdswmin|0|Ω·µm^wr|-|LDD resistance per unit width at high vgs (rdsmod=0)
rdw|100|Ω·µm^wr|b|zero-bias drain LDD resistance per unit width (rdsmod=1)
rdwmin|0|Ω·µm^wr|-|drain LDD resistance at high vgs (rdsmod=1)
rsw|100|Ω·µm^wr|b|zero-bias source LDD resistance per unit width (rdsmod=1)
rswmin|0|Ω·µm^wr|-|source LDD resistance at high vgs (rdsmod=1)
prwg|1|1/V|b|gate-bias coefficient of the LDD resistance
prwb|0|1/V^½|b|body-bias coefficient of the LDD resistance
wr|1||b|width exponent of the LDD resistance
pclm|1.3||b|channel length modulation coefficient
pdiblc1|0.39||b|first output resistance DIBL coefficient (alias pdibl1)
pdiblc2|0.0086||b|second output resistance DIBL coefficient (alias pdibl2)
pdiblcb|0|1/V|b|body-bias coefficient of the DIBL correction (alias pdiblb)
drout|0.56||b|length dependence of the DIBL correction in rout
pscbe1|4.24e8|V/m|b|first substrate current body-effect coefficient
pscbe2|1e-5|m/V|b|second substrate current body-effect coefficient
pvag|0||b|gate dependence of the Early voltage
fprout|0|V/m^½|b|pocket implant effect on rout
pdits|0|1/V|b|DITS effect on rout
pditsd|0|1/V|b|drain-bias dependence of the DITS effect on rout
pditsl|0|1/m|-|length dependence of the DITS effect on rout
lambda|0||b|velocity overshoot coefficient (only when given)
vtl|2e5|m/s|b|thermal velocity of the source-end velocity limit (only when given)
lc|5e-9|m|-|back-scattering mean free path
xn|3||b|back-scattering fitting coefficient
alpha0|0|A·m/V|b|first impact ionization coefficient
alpha1|0|A/V|b|length-independent impact ionization coefficient
beta0|0|V|b|second impact ionization coefficient
agidl|0|1/Ω|b|GIDL pre-exponential coefficient
bgidl|2.3e9|V/m|b|GIDL exponential coefficient
cgidl|0.5|V³|b|body-bias parameter of GIDL
egidl|0.8|V|b|band bending of GIDL
rgidl|1||b|gate-bias coefficient of GIDL (gidlmod=1)
kgidl|0|V|b|body-bias coefficient of GIDL (gidlmod=1)
fgidl|0|V|b|body-bias offset of GIDL (gidlmod=1; default 1 from BSIM4.8 on)
agisl|0|1/Ω|b|GISL pre-exponential coefficient (default agidl)
bgisl|2.3e9|V/m|b|GISL exponential coefficient (default bgidl)
cgisl|0.5|V³|b|body-bias parameter of GISL (default cgidl)
egisl|0.8|V|b|band bending of GISL (default egidl)
rgisl|1||b|gate-bias coefficient of GISL (default rgidl)
kgisl|0|V|b|body-bias coefficient of GISL (default kgidl)
fgisl|0|V|b|body-bias offset of GISL (default fgidl)
aigbacc|1.36e-2|(F·s²/g)^½/m|b|Igb parameter in accumulation
bigbacc|1.71e-3|(F·s²/g)^½/(m·V)|b|Igb parameter in accumulation
cigbacc|0.075|1/V|b|Igb parameter in accumulation
nigbacc|1||b|Igb slope in accumulation
aigbinv|1.11e-2|(F·s²/g)^½/m|b|Igb parameter in inversion
bigbinv|9.49e-4|(F·s²/g)^½/(m·V)|b|Igb parameter in inversion
cigbinv|0.006|1/V|b|Igb parameter in inversion
eigbinv|1.1|V|b|band gap of Igb in inversion
nigbinv|3||b|Igb slope in inversion
aigc|1.36e-2|(F·s²/g)^½/m|b|Igc parameter (NMOS 1.36e-2, PMOS 9.8e-3)
bigc|1.71e-3|(F·s²/g)^½/(m·V)|b|Igc parameter (NMOS 1.71e-3, PMOS 7.59e-4)
cigc|0.075|1/V|b|Igc parameter (NMOS 0.075, PMOS 0.03)
aigsd|1.36e-2|(F·s²/g)^½/m|b|Igs and Igd parameter (NMOS 1.36e-2, PMOS 9.8e-3)
bigsd|1.71e-3|(F·s²/g)^½/(m·V)|b|Igs and Igd parameter (NMOS 1.71e-3, PMOS 7.59e-4)
cigsd|0.075|1/V|b|Igs and Igd parameter (NMOS 0.075, PMOS 0.03)
aigs|1.36e-2|(F·s²/g)^½/m|b|Igs parameter (default aigsd)
bigs|1.71e-3|(F·s²/g)^½/(m·V)|b|Igs parameter (default bigsd)
cigs|0.075|1/V|b|Igs parameter (default cigsd)
aigd|1.36e-2|(F·s²/g)^½/m|b|Igd parameter (default aigsd)
bigd|1.71e-3|(F·s²/g)^½/(m·V)|b|Igd parameter (default bigsd)
cigd|0.075|1/V|b|Igd parameter (default cigsd)
dlcig|0|m|-|source/drain overlap length for Igs (default lint)
dlcigd|0|m|-|source/drain overlap length for Igd (default dlcig)
nigc|1||b|Igc slope
poxedge|1||b|oxide thickness factor at the edges (Igs, Igd)
pigcd|1||b|Igc partition (computed when not given)
ntox|1||b|exponent of the oxide thickness ratio
vfbsdoff|0|V|b|flat-band offset of the source/drain (Igs, Igd)
tvfbsdoff|0|1/K|b|temperature coefficient of vfbsdoff
xrcrg1|12||b|first fitting parameter of the bias-dependent gate resistance
xrcrg2|1||b|second fitting parameter of the bias-dependent gate resistance
cgso|0|F/m|-|gate-source overlap capacitance per width (computed when not given)
cgdo|0|F/m|-|gate-drain overlap capacitance per width (computed when not given)
cgbo|0|F/m|-|gate-bulk overlap capacitance per length (computed when not given)
cgsl|0|F/m|b|light-doped source-gate overlap capacitance
cgdl|0|F/m|b|light-doped drain-gate overlap capacitance
ckappas|0.6|V|b|coefficient of the source overlap capacitance
ckappad|0.6|V|b|coefficient of the drain overlap capacitance (default ckappas)
cf|0|F/m|b|fringing field capacitance (computed from toxe when not given)
clc|1e-7|m|b|constant term of the short-channel Abulk for CV
cle|0.6||b|exponential term of the short-channel Abulk for CV
dlc|0|m|-|length offset for CV (default lint)
dwc|0|m|-|width offset for CV (default wint)
vfbcv|-1|V|b|flat-band voltage for capmod=0
acde|1|m/V|b|exponential coefficient of the charge thickness
moin|15||b|coefficient of the gate-bias dependent surface potential
noff|1||b|CV parameter of the subthreshold Vgsteff
voffcv|0|V|b|CV offset of Vgsteff
xpart|0||-|charge partition: 0 (40/60), 0.5 (50/50), 1 (0/100)
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
xl|0|m|-|length offset of the drawn length (masking and etching)
xw|0|m|-|width offset of the drawn width (masking and etching)
dwj|0|m|-|width offset of the source/drain junctions (default dwc)
rsh|0|Ω/□|-|source/drain sheet resistance
rshg|0.1|Ω/□|-|gate electrode sheet resistance
xgw|0|m|-|distance from the gate contact to the channel edge
xgl|0|m|-|offset of the gate length due to variations in patterning
ngcon|1||-|number of gate contacts (1 or 2)
dmcg|0|m|-|distance from the source/drain contact center to the gate edge
dmci|0|m|-|distance from the source/drain contact center to the isolation edge (default dmcg)
dmdg|0|m|-|as dmcg for a merged device
dmcgt|0|m|-|dmcg of the test structures
rbpb|50|Ω|-|resistance between bNodePrime and bNode
rbpd|50|Ω|-|resistance between bNodePrime and dbNode
rbps|50|Ω|-|resistance between bNodePrime and sbNode
rbdb|50|Ω|-|resistance between bNode and dbNode
rbsb|50|Ω|-|resistance between bNode and sbNode
gbmin|1e-12|S|-|conductance in parallel with each body resistor
rbps0|50|Ω|-|scaling prefactor of rbps (rbodymod=2)
rbpsl|0||-|length exponent of rbps
rbpsw|0||-|width exponent of rbps
rbpsnf|0||-|finger exponent of rbps
rbpd0|50|Ω|-|scaling prefactor of rbpd (rbodymod=2)
rbpdl|0||-|length exponent of rbpd
rbpdw|0||-|width exponent of rbpd
rbpdnf|0||-|finger exponent of rbpd
rbpbx0|100|Ω|-|scaling prefactor of rbpbx (rbodymod=2)
rbpbxl|0||-|length exponent of rbpbx
rbpbxw|0||-|width exponent of rbpbx
rbpbxnf|0||-|finger exponent of rbpbx
rbpby0|100|Ω|-|scaling prefactor of rbpby (rbodymod=2)
rbpbyl|0||-|length exponent of rbpby
rbpbyw|0||-|width exponent of rbpby
rbpbynf|0||-|finger exponent of rbpby
rbsbx0|100|Ω|-|scaling prefactor of rbsbx (rbodymod=2)
rbsby0|100|Ω|-|scaling prefactor of rbsby (rbodymod=2)
rbdbx0|100|Ω|-|scaling prefactor of rbdbx (rbodymod=2)
rbdby0|100|Ω|-|scaling prefactor of rbdby (rbodymod=2)
rbsdbxl|0||-|length exponent of rbsbx and rbdbx
rbsdbxw|0||-|width exponent of rbsbx and rbdbx
rbsdbxnf|0||-|finger exponent of rbsbx and rbdbx
rbsdbyl|0||-|length exponent of rbsby and rbdby
rbsdbyw|0||-|width exponent of rbsby and rbdby
rbsdbynf|0||-|finger exponent of rbsby and rbdby
jss|1e-4|A/m²|-|bottom source junction saturation current density (alias js)
jsws|0|A/m|-|isolation-edge sidewall source saturation current density (alias jsw)
jswgs|0|A/m|-|gate-edge sidewall source saturation current density (alias jswg)
jsd|1e-4|A/m²|-|bottom drain junction saturation current density (default jss)
jswd|0|A/m|-|isolation-edge sidewall drain saturation current density (default jsws)
jswgd|0|A/m|-|gate-edge sidewall drain saturation current density (default jswgs)
njs|1||-|source junction emission coefficient (alias nj)
njd|1||-|drain junction emission coefficient (default njs)
ijthsfwd|0.1|A|-|forward source diode limiting current
ijthdfwd|0.1|A|-|forward drain diode limiting current (default ijthsfwd)
ijthsrev|0.1|A|-|reverse source diode limiting current
ijthdrev|0.1|A|-|reverse drain diode limiting current (default ijthsrev)
bvs|10|V|-|source diode breakdown voltage
bvd|10|V|-|drain diode breakdown voltage (default bvs)
xjbvs|1||-|source breakdown fitting parameter
xjbvd|1||-|drain breakdown fitting parameter (default xjbvs)
xtis|3||-|source junction current temperature exponent (alias xti)
xtid|3||-|drain junction current temperature exponent (default xtis)
pbs|1|V|-|source bottom junction built-in potential (alias pb)
pbd|1|V|-|drain bottom junction built-in potential (default pbs)
cjs|5e-4|F/m²|-|source bottom junction capacitance per area (alias cj)
cjd|5e-4|F/m²|-|drain bottom junction capacitance per area (default cjs)
mjs|0.5||-|source bottom junction grading coefficient (alias mj)
mjd|0.5||-|drain bottom junction grading coefficient (default mjs)
pbsws|1|V|-|source sidewall built-in potential (alias pbsw)
pbswd|1|V|-|drain sidewall built-in potential (default pbsws)
cjsws|5e-10|F/m|-|source sidewall capacitance per length (alias cjsw)
cjswd|5e-10|F/m|-|drain sidewall capacitance per length (default cjsws)
mjsws|0.33||-|source sidewall grading coefficient (alias mjsw)
mjswd|0.33||-|drain sidewall grading coefficient (default mjsws)
pbswgs|1|V|-|source gate-edge sidewall built-in potential (default pbsws; alias pbswg)
pbswgd|1|V|-|drain gate-edge sidewall built-in potential (default pbswgs)
cjswgs|5e-10|F/m|-|source gate-edge sidewall capacitance per length (default cjsws; alias cjswg)
cjswgd|5e-10|F/m|-|drain gate-edge sidewall capacitance per length (default cjswgs)
mjswgs|0.33||-|source gate-edge sidewall grading coefficient (default mjsws; alias mjswg)
mjswgd|0.33||-|drain gate-edge sidewall grading coefficient (default mjswgs)
tpb|0|V/K|-|temperature coefficient of pbs, pbd
tcj|0|1/K|-|temperature coefficient of cjs, cjd
tpbsw|0|V/K|-|temperature coefficient of pbsws, pbswd
tcjsw|0|1/K|-|temperature coefficient of cjsws, cjswd
tpbswg|0|V/K|-|temperature coefficient of pbswgs, pbswgd
tcjswg|0|1/K|-|temperature coefficient of cjswgs, cjswgd
jtss|0|A/m²|-|source bottom trap-assisted saturation current density
jtsd|0|A/m²|-|drain bottom trap-assisted saturation current density (default jtss)
jtssws|0|A/m|-|source sidewall trap-assisted saturation current density
jtsswd|0|A/m|-|drain sidewall trap-assisted saturation current density (default jtssws)
jtsswgs|0|A/m|-|source gate-edge trap-assisted saturation current density
jtsswgd|0|A/m|-|drain gate-edge trap-assisted saturation current density (default jtsswgs)
jtweff|0|m|-|trap-assisted tunneling width dependence
njts|20||-|non-ideality factor of jtss
njtsd|20||-|non-ideality factor of jtsd (default njts)
njtssw|20||-|non-ideality factor of jtssws
njtsswd|20||-|non-ideality factor of jtsswd (default njtssw)
njtsswg|20||-|non-ideality factor of jtsswgs
njtsswgd|20||-|non-ideality factor of jtsswgd (default njtsswg)
xtss|0.02||-|power dependence of jtss on temperature
xtsd|0.02||-|power dependence of jtsd on temperature (default xtss)
xtssws|0.02||-|power dependence of jtssws on temperature
xtsswd|0.02||-|power dependence of jtsswd on temperature (default xtssws)
xtsswgs|0.02||-|power dependence of jtsswgs on temperature
xtsswgd|0.02||-|power dependence of jtsswgd on temperature (default xtsswgs)
tnjts|0||-|temperature coefficient of njts
tnjtsd|0||-|temperature coefficient of njtsd (default tnjts)
tnjtssw|0||-|temperature coefficient of njtssw
tnjtsswd|0||-|temperature coefficient of njtsswd (default tnjtssw)
tnjtsswg|0||-|temperature coefficient of njtsswg
tnjtsswgd|0||-|temperature coefficient of njtsswgd (default tnjtsswg)
vtss|10|V|-|source bottom trap-assisted voltage dependent parameter
vtsd|10|V|-|drain bottom trap-assisted voltage dependent parameter (default vtss)
vtssws|10|V|-|source sidewall trap-assisted voltage dependent parameter
vtsswd|10|V|-|drain sidewall trap-assisted voltage dependent parameter (default vtssws)
vtsswgs|10|V|-|source gate-edge trap-assisted voltage dependent parameter
vtsswgd|10|V|-|drain gate-edge trap-assisted voltage dependent parameter (default vtsswgs)
tnom|27|°C|-|temperature at which parameters are extracted
kt1|-0.11|V|b|temperature coefficient of vth
kt1l|0|V·m|b|channel-length dependence of kt1
kt2|0.022||b|body-bias coefficient of the vth temperature effect
ute|-1.5||b|mobility temperature exponent
ucste|-4.775e-3||b|temperature coefficient of ucs
ua1|1e-9|m/V|b|temperature coefficient of ua
ub1|-1e-18|m²/V²|b|temperature coefficient of ub
uc1|-0.056e-9|m/V²|b|temperature coefficient of uc (−0.056 1/V for mobmod=1)
ud1|0|m⁻²|b|temperature coefficient of ud
at|3.3e4|m/s|b|temperature coefficient of vsat
prt|0|Ω·µm^wr|b|temperature coefficient of the LDD resistances
tvoff|0|1/K|b|temperature coefficient of voff
tnfactor|0||b|temperature coefficient of nfactor
teta0|0||b|temperature coefficient of eta0
tvoffcv|0|1/K|b|temperature coefficient of voffcv
saref|1e-6|m|-|reference distance between OD edge and poly (source side)
sbref|1e-6|m|-|reference distance between OD edge and poly (drain side)
wlod|0|m|-|width parameter of the stress effect
ku0|0|m|-|mobility degradation/enhancement coefficient of the stress effect
kvsat|0|m|-|saturation velocity degradation/enhancement coefficient of the stress effect
kvth0|0|V·m|-|threshold shift coefficient of the stress effect
tku0|0||-|temperature coefficient of ku0
llodku0|0||-|length exponent of ku0
wlodku0|0||-|width exponent of ku0
llodvth|0||-|length exponent of kvth0
wlodvth|0||-|width exponent of kvth0
lku0|0||-|length dependence of ku0
wku0|0||-|width dependence of ku0
pku0|0||-|cross-term dependence of ku0
lkvth0|0||-|length dependence of kvth0
wkvth0|0||-|width dependence of kvth0
pkvth0|0||-|cross-term dependence of kvth0
stk2|0|m|-|k2 shift factor of the stress effect
lodk2|1||-|k2 shift power of the stress effect
steta0|0|m|-|eta0 shift factor of the stress effect
lodeta0|1||-|eta0 shift power of the stress effect
web|0||-|coefficient of scb (well proximity)
wec|0||-|coefficient of scc (well proximity)
kvth0we|0|V|b|threshold shift factor of the well proximity effect
k2we|0||b|k2 shift factor of the well proximity effect
ku0we|0||b|mobility degradation factor of the well proximity effect
scref|1e-6|m|-|reference distance to the well edge
noia|6.25e41||-|flicker noise parameter A (NMOS 6.25e41, PMOS 6.188e40; accepted)
noib|3.125e26||-|flicker noise parameter B (NMOS 3.125e26, PMOS 1.5e25; accepted)
noic|8.75e9||-|flicker noise parameter C (accepted)
em|4.1e7|V/m|-|saturation field (accepted)
af|1||-|flicker noise exponent (accepted)
ef|1||-|flicker noise frequency exponent (accepted)
kf|0||-|flicker noise coefficient (accepted)
ntnoi|1||-|thermal noise parameter (accepted)
tnoia|1.5||-|thermal noise parameter (accepted)
tnoib|3.5||-|thermal noise parameter (accepted)
tnoic|0||-|thermal noise parameter (accepted)
rnoia|0.577||-|thermal noise parameter (accepted)
rnoib|0.5164||-|thermal noise parameter (accepted)
rnoic|0.395||-|thermal noise parameter (accepted)
lintnoi|0|m|-|length reduction for flicker noise (accepted)
""";

    private static readonly Dictionary<string, string[]> AliasTable = new()
    {
        ["ndep"] = new[] { "nch" },
        ["vth0"] = new[] { "vtho" },
        ["lpe0"] = new[] { "nlx" },
        ["pdiblc1"] = new[] { "pdibl1" },
        ["pdiblc2"] = new[] { "pdibl2" },
        ["pdiblcb"] = new[] { "pdiblb" },
        ["jss"] = new[] { "js" },
        ["jsws"] = new[] { "jsw" },
        ["jswgs"] = new[] { "jswg" },
        ["njs"] = new[] { "nj" },
        ["xtis"] = new[] { "xti" },
        ["pbs"] = new[] { "pb" },
        ["cjs"] = new[] { "cj" },
        ["mjs"] = new[] { "mj" },
        ["pbsws"] = new[] { "pbsw" },
        ["cjsws"] = new[] { "cjsw" },
        ["mjsws"] = new[] { "mjsw" },
        ["pbswgs"] = new[] { "pbswg" },
        ["cjswgs"] = new[] { "cjswg" },
        ["mjswgs"] = new[] { "mjswg" },
    };

    /// <summary>Names of the binnable parameters (each has l/w/p-prefixed variants).</summary>
    public static IReadOnlyList<string> Binnable { get; }

    /// <summary>The full table (binnable parameters followed by their l, w and p variants), without "version",
    /// which the card gives as text.</summary>
    public static IReadOnlyList<ParameterInfo> Table { get; }

    static Bsim4Parameters()
    {
        (Table, Binnable) = BinnedParameterTable.Build(Rows, AliasTable, new HashSet<string> { "toxe", "toxp", "toxm", "toxref", "epsrox", "eot" }, "version");
    }
}
