#!/usr/bin/env bash
# Regenerates the example pictures in docs/figures/ from the netlists in examples/.
#
#     bash docs/figures/make_figures.sh
#
# Builds the command once (Release), runs every paper example (and the neuron and crossbar examples)
# with --plot into a temporary directory, and copies the SVGs here under the figure's name
# (fig1a_iv.svg, fig1d_nyquist.svg, ...). The CSVs are not kept. Takes about half a minute.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
dest=docs/figures
dotnet build -c Release src/Cli/Perovspice.Cli.csproj --nologo -v quiet >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# fig EXAMPLE PICTURE TARGET: runs examples/EXAMPLE.cir once, copies PICTURE (tran.svg, dc.svg,
# ac-nyquist.svg, hopf.svg) to docs/figures/TARGET.
fig() {
    local example=$1 picture=$2 target=$3
    if [ ! -d "$work/$example" ]; then
        dotnet run --project src/Cli -c Release --no-build -- run "examples/$example.cir" -o "$work/$example" --plot --quiet
    fi
    cp "$work/$example/$picture" "$dest/$target"
    echo "$dest/$target  <-  examples/$example.cir ($(wc -c <"$dest/$target") bytes)"
}

fig paper1_fig1a_iv                  dc.svg          fig1a_iv.svg
fig paper1_fig1d_nyquist_l1          ac-nyquist.svg  fig1d_nyquist.svg
fig paper1_fig1f_nyquist_l2          ac-nyquist.svg  fig1f_nyquist.svg
fig paper1_fig2_current_steps        tran.svg        fig2_current_steps.svg
fig paper1_fig3_voltage_step         tran.svg        fig3_voltage_step.svg
fig paper1_fig4a_nyquist_l2          ac-nyquist.svg  fig4a_nyquist.svg
fig paper1_fig4b_negative_resistance ac-nyquist.svg  fig4b_negative_resistance.svg
fig hopf_memristor_l2               hopf.svg        fig5a_hopf.svg
fig paper2_fig6a_ltp_1v2             tran.svg        fig6a_ltp_1v2.svg
fig paper2_fig6b_ltp_0v65            tran.svg        fig6b_ltp_0v65.svg
fig paper2_fig6c_il                  tran.svg        fig6c_il.svg
fig paper2_fig6d_lower_rate          tran.svg        fig6d_lower_rate.svg
fig neuron_membrane                  tran.svg        neuron_membrane.svg
fig crossbar_4x4                     tran.svg        crossbar_4x4.svg
