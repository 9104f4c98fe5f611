// SPDX-License-Identifier: MIT
// Cost of building a model point and of its parts (docs/performance.md, model section).
#include <benchmark/benchmark.h>

#include "darkloops/model/model.hpp"
#include "darkloops/model/presets.hpp"

namespace {

using namespace darkloops;

// Full Model: validation + spectrum + exact Sigma + Casas–Ibarra + couplings + m_nu + DM.
void BM_model_paper_benchmark(benchmark::State& state) {
  const Parameters p = presets::paper_benchmark();
  for (auto _ : state) {
    Model m(p);
    benchmark::DoNotOptimize(m.couplings().cL(1, 0));
  }
}
BENCHMARK(BM_model_paper_benchmark);

// Same with non-degenerate eta masses, off-diagonal lambda5 and complex theta (general path).
void BM_model_general(benchmark::State& state) {
  Parameters p = presets::paper_benchmark();
  p.m_eta0 = Vector2d(550.0, 700.0);
  p.lambda5 << 2e-10, 0.7e-10, 0.7e-10, 1.3e-10;
  p.theta_im = 0.3;
  p.mu = Vector2c(cplx(-1000.0, 200.0), cplx(800.0, 0.0));
  for (auto _ : state) {
    Model m(p);
    benchmark::DoNotOptimize(m.couplings().cL(1, 0));
  }
}
BENCHMARK(BM_model_general);

void BM_spectrum(benchmark::State& state) {
  const Parameters p = presets::paper_benchmark();
  for (auto _ : state) benchmark::DoNotOptimize(compute_spectrum(p).m_H(0));
}
BENCHMARK(BM_spectrum);

void BM_sigma_exact(benchmark::State& state) {
  const Vector2d m0(550.0, 700.0);
  Matrix2d l5;
  l5 << 2e-10, 0.7e-10, 0.7e-10, 1.3e-10;
  for (auto _ : state) benchmark::DoNotOptimize(sigma_exact(m0, l5, 1000.0)(0, 1));
}
BENCHMARK(BM_sigma_exact);

void BM_neutrino_observables(benchmark::State& state) {
  const Model m(presets::paper_benchmark());
  for (auto _ : state) benchmark::DoNotOptimize(m.neutrino().delta_cp);
}
BENCHMARK(BM_neutrino_observables);

}  // namespace
