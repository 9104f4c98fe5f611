// SPDX-License-Identifier: MIT
// Scalar four-point function D0 in general kinematics: ns per call on float, double, long
// double. Arguments (squared masses log-uniform in 10..1e4 GeV^2, the six invariants
// log-uniform in 10..1e5 GeV^2) are prepared outside the timed loop and cycled through
// (1024 sets, drawn until 1024 lie inside D0's domain, see loop/d0.hpp); the baseline is one
// std::log on the same inputs. Results: docs/performance.md <!-- loop-general --> "D0".
#include <benchmark/benchmark.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <random>
#include <vector>

#include "darkloops/loop/d0.hpp"

namespace dl = darkloops::loop;

namespace {

constexpr std::size_t n_sets = 1024;

struct Sets {
  std::vector<std::array<double, 10>> args;
  double accepted_fraction = 0;
};

const Sets& sets() {
  static const Sets s = [] {
    std::mt19937_64 rng(20261125);
    std::uniform_real_distribution<double> um(1.0, 4.0), up(1.0, 5.0);
    Sets r;
    std::size_t drawn = 0;
    while (r.args.size() < n_sets) {
      std::array<double, 10> a{};
      for (int i = 0; i < 6; ++i) a[i] = std::pow(10.0, up(rng));
      for (int i = 6; i < 10; ++i) a[i] = std::pow(10.0, um(rng));
      ++drawn;
      const auto v = dl::D0(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9]);
      if (std::isfinite(v.real())) r.args.push_back(a);
    }
    r.accepted_fraction = double(n_sets) / double(drawn);
    return r;
  }();
  return s;
}

template <class T>
const std::vector<std::array<T, 10>>& args() {
  static const std::vector<std::array<T, 10>> v = [] {
    std::vector<std::array<T, 10>> r;
    for (const auto& a : sets().args) {
      std::array<T, 10> b{};
      for (int i = 0; i < 10; ++i) b[i] = static_cast<T>(a[i]);
      r.push_back(b);
    }
    return r;
  }();
  return v;
}

template <class T>
void BM_log(benchmark::State& state) {
  const auto& a = args<T>();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(std::log(a[i][6]));
    i = (i + 1) & (n_sets - 1);
  }
  state.SetItemsProcessed(state.iterations());
}

template <class T>
void BM_D0_general(benchmark::State& state) {
  const auto& a = args<T>();
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& x = a[i];
    benchmark::DoNotOptimize(dl::D0<T>(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9]));
    i = (i + 1) & (n_sets - 1);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["domain_fraction"] = sets().accepted_fraction;
}

template <class T>
void BM_D0_zero_momenta(benchmark::State& state) {
  const auto& a = args<T>();
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& x = a[i];
    benchmark::DoNotOptimize(dl::D0<T>(T(0), T(0), T(0), T(0), T(0), T(0), x[6], x[7], x[8], x[9]));
    i = (i + 1) & (n_sets - 1);
  }
  state.SetItemsProcessed(state.iterations());
}

// Points of the same distribution that take the Q > 0 quadrature path (D0.19)-(D0.22) (finite,
// no cone pair used), 64 of them (0.6 % of the draws).
constexpr std::size_t n_positive = 64;

template <class T>
const std::vector<std::array<T, 10>>& positive_args() {
  static const std::vector<std::array<T, 10>> v = [] {
    std::mt19937_64 rng(20261126);
    std::uniform_real_distribution<double> um(1.0, 4.0), up(1.0, 5.0);
    std::vector<std::array<T, 10>> r;
    while (r.size() < n_positive) {
      std::array<double, 10> a{};
      for (int i = 0; i < 6; ++i) a[i] = std::pow(10.0, up(rng));
      for (int i = 6; i < 10; ++i) a[i] = std::pow(10.0, um(rng));
      dl::detail::D0Trace trace;
      const auto w = dl::detail::d0_eval<double>(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9],
                                                 true, &trace);
      if (!std::isfinite(w.real()) || trace.w_form + trace.t_form != 0) continue;
      std::array<T, 10> b{};
      for (int i = 0; i < 10; ++i) b[i] = static_cast<T>(a[i]);
      r.push_back(b);
    }
    return r;
  }();
  return v;
}

template <class T>
void BM_D0_positive(benchmark::State& state) {
  const auto& a = positive_args<T>();
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& x = a[i];
    benchmark::DoNotOptimize(dl::D0<T>(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9]));
    i = (i + 1) & (n_positive - 1);
  }
  state.SetItemsProcessed(state.iterations());
}

}  // namespace

BENCHMARK_TEMPLATE(BM_D0_positive, float);
BENCHMARK_TEMPLATE(BM_D0_positive, double);
BENCHMARK_TEMPLATE(BM_D0_positive, long double);
BENCHMARK_TEMPLATE(BM_log, float);
BENCHMARK_TEMPLATE(BM_log, double);
BENCHMARK_TEMPLATE(BM_log, long double);
BENCHMARK_TEMPLATE(BM_D0_general, float);
BENCHMARK_TEMPLATE(BM_D0_general, double);
BENCHMARK_TEMPLATE(BM_D0_general, long double);
BENCHMARK_TEMPLATE(BM_D0_zero_momenta, float);
BENCHMARK_TEMPLATE(BM_D0_zero_momenta, double);
BENCHMARK_TEMPLATE(BM_D0_zero_momenta, long double);
