// SPDX-License-Identifier: MIT
// Cost of the lepton observables on a prepared model (docs/performance.md, leptons section).
#include <benchmark/benchmark.h>

#include "darkloops/model/presets.hpp"
#include "darkloops/observables/leptons.hpp"

namespace {

using namespace darkloops;

const Model& benchmark_model() {
  static const Model m(presets::paper_benchmark(0.6, 0.25));
  return m;
}

// Everything predict_leptons returns, in one pass.
void BM_predict_leptons(benchmark::State& state) {
  const Model& m = benchmark_model();
  for (auto _ : state) {
    auto r = predict_leptons(m);
    benchmark::DoNotOptimize(r.BR_mu_3e);
  }
}
BENCHMARK(BM_predict_leptons);

// The observables of issue 5 (3 Delta a, 3 l->l'gamma, 3 l->3l, CR(Al, Ti, Au) from the photon
// and Z penguins, neutrino observables) through the shared loop table, i.e. predict_leptons
// without the later tau -> l l' l'' modes and leptoquark quark boxes.
void BM_issue5_observables(benchmark::State& state) {
  const Model& m = benchmark_model();
  for (auto _ : state) {
    const auto s = lepton_sector(m);
    const auto T = detail::leptons::loop_table(s);
    const auto d = lepton_dipoles(s, T);
    const auto p = lepton_penguins(s, T);
    double acc = delta_a(d, s, 0) + delta_a(d, s, 1) + delta_a(d, s, 2);
    acc += br_radiative(d, s, 0, 1) + br_radiative(d, s, 0, 2) + br_radiative(d, s, 1, 2);
    acc += br_three_body(s, d, p, 0, 1, T.box) + br_three_body(s, d, p, 0, 2, T.box) +
           br_three_body(s, d, p, 1, 2, T.box);
    acc += cr_mu_e(d, p, inputs::leptons::aluminium) + cr_mu_e(d, p, inputs::leptons::titanium) +
           cr_mu_e(d, p, inputs::leptons::gold);
    acc += m.neutrino().sum_eV;
    benchmark::DoNotOptimize(acc);
  }
}
BENCHMARK(BM_issue5_observables);

// Pieces.
void BM_lepton_sector(benchmark::State& state) {
  const Model& m = benchmark_model();
  for (auto _ : state) benchmark::DoNotOptimize(lepton_sector(m).cL(0, 0));
}
BENCHMARK(BM_lepton_sector);

void BM_loop_table(benchmark::State& state) {
  const auto s = lepton_sector(benchmark_model());
  for (auto _ : state) benchmark::DoNotOptimize(detail::leptons::loop_table(s).C00[0][1]);
}
BENCHMARK(BM_loop_table);

void BM_lepton_dipoles(benchmark::State& state) {
  const auto s = lepton_sector(benchmark_model());
  const auto T = detail::leptons::loop_table(s);
  for (auto _ : state) benchmark::DoNotOptimize(lepton_dipoles(s, T).A_R(0, 1));
}
BENCHMARK(BM_lepton_dipoles);

void BM_lepton_penguins(benchmark::State& state) {
  const auto s = lepton_sector(benchmark_model());
  const auto T = detail::leptons::loop_table(s);
  for (auto _ : state) benchmark::DoNotOptimize(lepton_penguins(s, T).FZ_L(0, 1));
}
BENCHMARK(BM_lepton_penguins);

// The three l -> 3l box sets (mu -> 3e, tau -> 3e, tau -> 3mu) on a prepared box table.
void BM_four_lepton_boxes_x3(benchmark::State& state) {
  const auto s = lepton_sector(benchmark_model());
  const auto B = detail::leptons::box_table(s);
  for (auto _ : state) {
    const auto a = four_lepton_boxes(s, 0, 1, B), b = four_lepton_boxes(s, 0, 2, B), c = four_lepton_boxes(s, 1, 2, B);
    benchmark::DoNotOptimize(a.V_LL + b.V_LL + c.V_LL);
  }
}
BENCHMARK(BM_four_lepton_boxes_x3);

// The four tau -> l l' l'' modes of docs/physics.md 5.9 (boxes + penguins + widths) on prepared
// dipoles, penguins and box table; and their shared table alone.
void BM_tau_mixed_modes(benchmark::State& state) {
  const auto s = lepton_sector(benchmark_model());
  const auto T = detail::leptons::loop_table(s);
  const auto d = lepton_dipoles(s, T);
  const auto p = lepton_penguins(s, T);
  for (auto _ : state) {
    auto r = tau_mixed_modes(s, d, p, T.box);
    benchmark::DoNotOptimize(r);  // all four modes (a single field would let the others be dropped)
  }
}
BENCHMARK(BM_tau_mixed_modes);

void BM_general_box_table(benchmark::State& state) {
  const auto s = lepton_sector(benchmark_model());
  const auto B = detail::leptons::box_table(s);
  for (auto _ : state) {
    auto t = detail::leptons::general_box_table(s, B, 2, 0b011u);  // as in tau_mixed_modes
    benchmark::DoNotOptimize(t);
  }
}
BENCHMARK(BM_general_box_table);

// Leptoquark quark boxes of mu-e conversion (docs/physics.md 5.10).
void BM_mu_e_quark_boxes(benchmark::State& state) {
  const Model& m = benchmark_model();
  const auto s = lepton_sector(m);
  for (auto _ : state) {
    auto b = mu_e_quark_boxes(m, s);
    benchmark::DoNotOptimize(b);
  }
}
BENCHMARK(BM_mu_e_quark_boxes);

void BM_neutrino_observables(benchmark::State& state) {
  const Model& m = benchmark_model();
  for (auto _ : state) benchmark::DoNotOptimize(m.neutrino().sum_eV);
}
BENCHMARK(BM_neutrino_observables);

// A single functor as the fit layer would call it (builds its own scalar loop functions).
void BM_DeltaA_mu(benchmark::State& state) {
  const Model& m = benchmark_model();
  const DeltaA f{Lepton::mu};
  for (auto _ : state) benchmark::DoNotOptimize(f(m));
}
BENCHMARK(BM_DeltaA_mu);

}  // namespace
