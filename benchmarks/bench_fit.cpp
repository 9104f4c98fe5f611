// SPDX-License-Identifier: MIT
// Fit layer speed: chi^2 of the paper's data set on prepared quantities, one full chi^2
// evaluation (model + observables + chi^2) and the 200 x 200 Fig. 2 scan on 1 and 2 threads.
// Results: docs/performance.md <!-- fit -->.
#include <benchmark/benchmark.h>

#include <cmath>
#include <vector>

#include "darkloops/fit/datasets.hpp"
#include "darkloops/fit/minimize.hpp"
#include "darkloops/fit/sampling.hpp"
#include "darkloops/fit/scan.hpp"

#if __has_include("darkloops/observables/leptons.hpp") && __has_include("darkloops/observables/bsll.hpp")
#include "darkloops/fit/paper.hpp"
#define BENCH_FIT_HAVE_PHYSICS 1
#else
#define BENCH_FIT_HAVE_PHYSICS 0
#endif

namespace fit = darkloops::fit;

static void BM_chi2_paper_dataset(benchmark::State& state) {
  const auto chi2 = fit::make_chi2(fit::DataSetId::paper);
  fit::FitQuantities q;
  q.C9mu_V = -0.5;
  q.delta_amu = 2.4e-9;
  for (auto _ : state) {
    benchmark::DoNotOptimize(q);
    benchmark::DoNotOptimize(chi2(q));
  }
}
BENCHMARK(BM_chi2_paper_dataset);

static void BM_minimize_rosenbrock(benchmark::State& state) {
  auto f = [](const std::vector<double>& x) { return 100 * std::pow(x[1] - x[0] * x[0], 2) + std::pow(1 - x[0], 2); };
  std::size_t evals = 0;
  for (auto _ : state) {
    const auto r = fit::minimize(f, {{"x", -2, 2}, {"y", -1, 3}});
    evals = r.evaluations;
    benchmark::DoNotOptimize(r.f_min);
  }
  state.counters["evaluations"] = static_cast<double>(evals);
}
BENCHMARK(BM_minimize_rosenbrock)->Unit(benchmark::kMicrosecond);

#if BENCH_FIT_HAVE_PHYSICS
static void BM_chi2_full_point(benchmark::State& state) {
  const auto base = darkloops::presets::paper_benchmark();
  const auto chi2 = fit::make_chi2(fit::DataSetId::paper);
  const fit::PaperObjective f{base, chi2};
  std::vector<double> x{0.6, 0.25};
  for (auto _ : state) {
    benchmark::DoNotOptimize(x);
    benchmark::DoNotOptimize(f(x));
  }
}
BENCHMARK(BM_chi2_full_point)->Unit(benchmark::kMicrosecond);

static void BM_fig2_scan_200x200(benchmark::State& state) {
  const auto base = darkloops::presets::paper_benchmark();
  const auto chi2 = fit::make_chi2(fit::DataSetId::paper);
  const fit::PaperObjective f{base, chi2};
  const auto pts = fit::grid_points({{{"YS2_YS3", 0.0, 1.5}, 200}, {{"sin_theta", 0.0, 0.5}, 200}});
  fit::ScanOptions o;
  o.threads = static_cast<unsigned>(state.range(0));
  o.progress = false;
  for (auto _ : state) {
    const auto r = fit::scan(pts, f, o);
    benchmark::DoNotOptimize(r.data());
  }
  state.counters["points"] = static_cast<double>(pts.size());
}
BENCHMARK(BM_fig2_scan_200x200)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

static void BM_paper_fit_minimize(benchmark::State& state) {
  const auto base = darkloops::presets::paper_benchmark();
  const auto chi2 = fit::make_chi2(fit::DataSetId::paper);
  std::size_t evals = 0;
  for (auto _ : state) {
    const auto r = fit::fit_paper(base, chi2);
    evals = r.evaluations;
    benchmark::DoNotOptimize(r.f_min);
  }
  state.counters["evaluations"] = static_cast<double>(evals);
}
BENCHMARK(BM_paper_fit_minimize)->Unit(benchmark::kMillisecond);
#endif
