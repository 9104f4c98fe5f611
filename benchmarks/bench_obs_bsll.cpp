// SPDX-License-Identifier: MIT
// Speed of the b -> s observables on a prepared model (docs/performance.md <!-- bsll -->).
#include <benchmark/benchmark.h>

#include "darkloops/model/model.hpp"
#include "darkloops/model/presets.hpp"
#include "darkloops/observables/bsll.hpp"

using namespace darkloops;

namespace {
const Model& bench_model() {
  static const Model m(presets::paper_benchmark(0.6, 0.25));
  return m;
}
}  // namespace

// Everything in one pass (what a fit calls per point).
static void BM_predict_bs(benchmark::State& st) {
  const Model& m = bench_model();
  for (auto _ : st) benchmark::DoNotOptimize(bsll::predict_bs(m));
}
BENCHMARK(BM_predict_bs);

static void BM_C9_mu_functor(benchmark::State& st) {
  const Model& m = bench_model();
  for (auto _ : st) benchmark::DoNotOptimize(bsll::C9{bsll::Lepton::mu}(m));
}
BENCHMARK(BM_C9_mu_functor);

static void BM_BR_bsgamma(benchmark::State& st) {
  const Model& m = bench_model();
  for (auto _ : st) benchmark::DoNotOptimize(bsll::BR_bsgamma{}(m));
}
BENCHMARK(BM_BR_bsgamma);

static void BM_C_L_nunu(benchmark::State& st) {
  const Model& m = bench_model();
  for (auto _ : st) benchmark::DoNotOptimize(bsll::C_L_nunu(m));
}
BENCHMARK(BM_C_L_nunu);

static void BM_majorana_box(benchmark::State& st) {
  double x = 1e6;
  for (auto _ : st) {
    benchmark::DoNotOptimize(bsll::majorana_box(1e6, x, 3.1e5));
    x += 1e-3;
  }
}
BENCHMARK(BM_majorana_box);
