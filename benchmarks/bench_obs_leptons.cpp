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

// Everything (3 Delta a, 3 l->l'gamma, 3 l->3l, 3 CR, neutrino observables) in one pass.
void BM_predict_leptons(benchmark::State& state) {
  const Model& m = benchmark_model();
  for (auto _ : state) {
    auto r = predict_leptons(m);
    benchmark::DoNotOptimize(r.BR_mu_3e);
  }
}
BENCHMARK(BM_predict_leptons);

// The charged-lepton part only (the neutrino Takagi factorisation excluded).
void BM_charged_lepton_observables(benchmark::State& state) {
  const Model& m = benchmark_model();
  for (auto _ : state) {
    const auto s = lepton_sector(m);
    const auto d = lepton_dipoles(s);
    const auto p = lepton_penguins(s);
    const auto B = detail::leptons::box_table(s);
    double acc = delta_a(d, s, 0) + delta_a(d, s, 1) + delta_a(d, s, 2);
    acc += br_radiative(d, s, 0, 1) + br_radiative(d, s, 0, 2) + br_radiative(d, s, 1, 2);
    acc += br_three_body(s, d, p, 0, 1, B) + br_three_body(s, d, p, 0, 2, B) + br_three_body(s, d, p, 1, 2, B);
    acc += cr_mu_e(d, p, inputs::leptons::aluminium) + cr_mu_e(d, p, inputs::leptons::titanium) +
           cr_mu_e(d, p, inputs::leptons::gold);
    benchmark::DoNotOptimize(acc);
  }
}
BENCHMARK(BM_charged_lepton_observables);

// Pieces.
void BM_lepton_dipoles(benchmark::State& state) {
  const auto s = lepton_sector(benchmark_model());
  for (auto _ : state) benchmark::DoNotOptimize(lepton_dipoles(s).A_R(0, 1));
}
BENCHMARK(BM_lepton_dipoles);

void BM_lepton_penguins(benchmark::State& state) {
  const auto s = lepton_sector(benchmark_model());
  for (auto _ : state) benchmark::DoNotOptimize(lepton_penguins(s).FZ_L(0, 1));
}
BENCHMARK(BM_lepton_penguins);

void BM_four_lepton_boxes(benchmark::State& state) {
  const auto s = lepton_sector(benchmark_model());
  for (auto _ : state) benchmark::DoNotOptimize(four_lepton_boxes(s, 0, 1).V_LL);
}
BENCHMARK(BM_four_lepton_boxes);

void BM_neutrino_observables(benchmark::State& state) {
  const Model& m = benchmark_model();
  for (auto _ : state) benchmark::DoNotOptimize(m.neutrino().sum_eV);
}
BENCHMARK(BM_neutrino_observables);

// A single functor as the fit layer would call it (recomputes its loop functions).
void BM_DeltaA_mu(benchmark::State& state) {
  const Model& m = benchmark_model();
  const DeltaA f{Lepton::mu};
  for (auto _ : state) benchmark::DoNotOptimize(f(m));
}
BENCHMARK(BM_DeltaA_mu);

}  // namespace
