// SPDX-License-Identifier: MIT
// Zero-momentum PV functions and dimensionless loop functions: ns per call on float, double,
// long double. Arguments (squared masses log-uniform in 10..1e4 GeV^2) are prepared outside
// the timed loop and cycled through (1024 sets); the baseline is one std::log on the same
// inputs. Results: docs/performance.md <!-- loop-zero -->.
#include <benchmark/benchmark.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <random>
#include <vector>

#include "darkloops/loop/dimensionless.hpp"
#include "darkloops/loop/zero_momentum.hpp"

namespace z = darkloops::loop::zero;
namespace dl = darkloops::loop;

namespace {

constexpr std::size_t n_sets = 1024;

template <class T>
const std::vector<std::array<T, 4>>& masses() {
  static const std::vector<std::array<T, 4>> v = [] {
    std::mt19937_64 rng(20261125);
    std::uniform_real_distribution<double> u(1.0, 4.0);  // log10 of the mass^2 in GeV^2
    std::vector<std::array<T, 4>> r(n_sets);
    for (auto& m : r)
      for (auto& x : m) x = static_cast<T>(std::pow(10.0, u(rng)));
    return r;
  }();
  return v;
}

/// Mass ratios for the dimensionless functions: m^2/M^2 with both log-uniform in 10..1e4.
template <class T>
const std::vector<std::array<T, 2>>& ratios() {
  static const std::vector<std::array<T, 2>> v = [] {
    std::vector<std::array<T, 2>> r(n_sets);
    const auto& m = masses<T>();
    for (std::size_t i = 0; i < n_sets; ++i) r[i] = {m[i][1] / m[i][0], m[i][2] / m[i][0]};
    return r;
  }();
  return v;
}

template <class T, class F>
void run(benchmark::State& state, F f) {
  const auto& m = masses<T>();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(f(m[i]));
    i = (i + 1) & (n_sets - 1);
  }
  state.SetItemsProcessed(state.iterations());
}

template <class T, class F>
void run_ratio(benchmark::State& state, F f) {
  const auto& r = ratios<T>();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(f(r[i]));
    i = (i + 1) & (n_sets - 1);
  }
  state.SetItemsProcessed(state.iterations());
}

}  // namespace

template <class T>
static void BM_log_baseline(benchmark::State& s) {
  run<T>(s, [](const auto& m) { using std::log; return log(m[0]); });
}
template <class T>
static void BM_A0(benchmark::State& s) {
  run<T>(s, [](const auto& m) { return z::A0(m[0]); });
}
template <class T>
static void BM_B0(benchmark::State& s) {
  run<T>(s, [](const auto& m) { return z::B0(m[0], m[1]); });
}
template <class T>
static void BM_B1(benchmark::State& s) {
  run<T>(s, [](const auto& m) { return z::B1(m[0], m[1]); });
}
template <class T>
static void BM_B00(benchmark::State& s) {
  run<T>(s, [](const auto& m) { return z::B00(m[0], m[1]); });
}
template <class T>
static void BM_C0(benchmark::State& s) {
  run<T>(s, [](const auto& m) { return z::C0(m[0], m[1], m[2]); });
}
template <class T>
static void BM_C00(benchmark::State& s) {
  run<T>(s, [](const auto& m) { return z::C00(m[0], m[1], m[2]); });
}
template <class T>
static void BM_C_all(benchmark::State& s) {
  run<T>(s, [](const auto& m) { return z::C(m[0], m[1], m[2]).c0; });
}
template <class T>
static void BM_D0(benchmark::State& s) {
  run<T>(s, [](const auto& m) { return z::D0(m[0], m[1], m[2], m[3]); });
}
template <class T>
static void BM_D0_two_equal(benchmark::State& s) {  // box kinematics: D0(M,M,x,y)
  run<T>(s, [](const auto& m) { return z::D0(m[0], m[0], m[2], m[3]); });
}
template <class T>
static void BM_D00(benchmark::State& s) {
  run<T>(s, [](const auto& m) { return z::D00(m[0], m[1], m[2], m[3]); });
}
template <class T>
static void BM_D_all(benchmark::State& s) {
  run<T>(s, [](const auto& m) { return z::D(m[0], m[1], m[2], m[3]).d0; });
}
template <class T>
static void BM_box_F(benchmark::State& s) {
  run_ratio<T>(s, [](const auto& r) { return dl::box_F(r[0], r[1]); });
}
template <class T>
static void BM_box_G(benchmark::State& s) {
  run_ratio<T>(s, [](const auto& r) { return dl::box_G(r[0], r[1]); });
}
template <class T>
static void BM_dipole_F2(benchmark::State& s) {
  run_ratio<T>(s, [](const auto& r) { return dl::dipole_F2(r[0]); });
}
template <class T>
static void BM_dipole_G2(benchmark::State& s) {
  run_ratio<T>(s, [](const auto& r) { return dl::dipole_G2(r[0]); });
}
template <class T>
static void BM_penguin_G2p(benchmark::State& s) {
  run_ratio<T>(s, [](const auto& r) { return dl::penguin_G2p(r[0]); });
}

#define DARKLOOPS_BENCH_ALL_TYPES(fn)   \
  BENCHMARK_TEMPLATE(fn, float);        \
  BENCHMARK_TEMPLATE(fn, double);       \
  BENCHMARK_TEMPLATE(fn, long double)

DARKLOOPS_BENCH_ALL_TYPES(BM_log_baseline);
DARKLOOPS_BENCH_ALL_TYPES(BM_A0);
DARKLOOPS_BENCH_ALL_TYPES(BM_B0);
DARKLOOPS_BENCH_ALL_TYPES(BM_B1);
DARKLOOPS_BENCH_ALL_TYPES(BM_B00);
DARKLOOPS_BENCH_ALL_TYPES(BM_C0);
DARKLOOPS_BENCH_ALL_TYPES(BM_C00);
DARKLOOPS_BENCH_ALL_TYPES(BM_C_all);
DARKLOOPS_BENCH_ALL_TYPES(BM_D0);
DARKLOOPS_BENCH_ALL_TYPES(BM_D0_two_equal);
DARKLOOPS_BENCH_ALL_TYPES(BM_D00);
DARKLOOPS_BENCH_ALL_TYPES(BM_D_all);
DARKLOOPS_BENCH_ALL_TYPES(BM_box_F);
DARKLOOPS_BENCH_ALL_TYPES(BM_box_G);
DARKLOOPS_BENCH_ALL_TYPES(BM_dipole_F2);
DARKLOOPS_BENCH_ALL_TYPES(BM_dipole_G2);
DARKLOOPS_BENCH_ALL_TYPES(BM_penguin_G2p);
