// SPDX-License-Identifier: MIT
// Derivative-free minimisation over named, bounded parameters: Nelder–Mead with the
// dimension-adaptive coefficients of Gao & Han (Comput. Optim. Appl. 51 (2012) 259), run in
// the unit cube of the bounds (vertices clamped to the box), restarted from its best vertex
// until a restart no longer improves, from several Latin-hypercube starts (multi-start).
// Points where f is NaN or +inf (e.g. excluded by a hard cut) are treated as +inf.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "darkloops/core/error.hpp"
#include "darkloops/fit/sampling.hpp"

namespace darkloops::fit {

struct MinimizeOptions {
  std::size_t max_evaluations = 20000;  ///< over all starts and restarts
  std::size_t n_starts = 8;             ///< Latin-hypercube starting points (besides `start`)
  std::size_t max_restarts = 6;         ///< per start, while each restart still improves
  double ftol = 1e-10;                  ///< spread of f over the simplex: abs + rel * |f|
  double xtol = 1e-9;                   ///< simplex size in the unit cube
  double initial_step = 0.1;            ///< initial simplex edge, fraction of each range
  std::vector<double> start;            ///< optional user start (in parameter units)
  std::uint64_t seed = 12345;
};

struct MinimizeResult {
  double f_min = std::numeric_limits<double>::infinity();
  std::vector<std::string> names;
  std::vector<double> x;
  std::size_t evaluations = 0;
  std::size_t starts = 0;
  bool converged = false;  ///< the best start met the tolerances before the budget ran out
  double value(const std::string& name) const {
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == name) return x[i];
    throw invalid_input("parameter", name, "not a parameter of this minimisation");
  }
};

namespace detail {

template <class F>
struct CubeObjective {
  const F& f;
  const std::vector<Range>& ranges;
  std::size_t evaluations = 0;
  std::vector<double> x;  // scratch
  double operator()(const std::vector<double>& u) {
    ++evaluations;
    for (std::size_t d = 0; d < u.size(); ++d) x[d] = ranges[d].at(std::clamp(u[d], 0.0, 1.0));
    const double v = static_cast<double>(f(static_cast<const std::vector<double>&>(x)));
    return std::isnan(v) ? std::numeric_limits<double>::infinity() : v;
  }
};

/// One Nelder–Mead descent from u0 (unit cube); returns the best vertex and its value.
template <class Obj>
std::pair<std::vector<double>, double> nelder_mead(Obj& obj, std::vector<double> u0, double step,
                                                   const MinimizeOptions& o, std::size_t budget,
                                                   bool& converged) {
  const std::size_t n = u0.size();
  const double dn = static_cast<double>(n);
  const double alpha = 1.0, beta = 1.0 + 2.0 / dn, gamma = 0.75 - 0.5 / dn,
               delta = n > 1 ? 1.0 - 1.0 / dn : 0.5;
  auto clamp_unit = [](std::vector<double>& u) {
    for (auto& v : u) v = std::clamp(v, 0.0, 1.0);
  };
  clamp_unit(u0);
  std::vector<std::vector<double>> s(n + 1, u0);
  std::vector<double> fs(n + 1);
  for (std::size_t i = 0; i < n; ++i) {  // step away from the nearer face
    s[i + 1][i] += (u0[i] + step <= 1.0) ? step : -step;
    clamp_unit(s[i + 1]);
  }
  const std::size_t start_evals = obj.evaluations;
  for (std::size_t i = 0; i <= n; ++i) fs[i] = obj(s[i]);
  std::vector<std::size_t> idx(n + 1);
  std::vector<double> c(n), xr(n), xe(n), xc(n);
  converged = false;
  while (obj.evaluations - start_evals < budget) {
    for (std::size_t i = 0; i <= n; ++i) idx[i] = i;
    std::sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return fs[a] < fs[b]; });
    const std::size_t best = idx[0], worst = idx[n], second = idx[n - 1];
    double size = 0.0;
    for (std::size_t i = 0; i <= n; ++i)
      for (std::size_t d = 0; d < n; ++d) size = std::max(size, std::abs(s[i][d] - s[best][d]));
    const double fb = fs[best], fw = fs[worst];
    if (std::isfinite(fw) && std::abs(fw - fb) <= o.ftol * (1.0 + std::abs(fb)) && size <= o.xtol) {
      converged = true;
      break;
    }
    if (size <= 1e-15) { converged = std::isfinite(fb); break; }  // collapsed simplex
    std::fill(c.begin(), c.end(), 0.0);
    for (std::size_t i = 0; i <= n; ++i)
      if (i != worst)
        for (std::size_t d = 0; d < n; ++d) c[d] += s[i][d] / dn;
    for (std::size_t d = 0; d < n; ++d) xr[d] = c[d] + alpha * (c[d] - s[worst][d]);
    clamp_unit(xr);
    const double fr = obj(xr);
    if (fr < fb) {
      for (std::size_t d = 0; d < n; ++d) xe[d] = c[d] + beta * (xr[d] - c[d]);
      clamp_unit(xe);
      const double fe = obj(xe);
      if (fe < fr) { s[worst] = xe; fs[worst] = fe; } else { s[worst] = xr; fs[worst] = fr; }
      continue;
    }
    if (fr < fs[second]) { s[worst] = xr; fs[worst] = fr; continue; }
    const bool outside = fr < fw;
    for (std::size_t d = 0; d < n; ++d)
      xc[d] = outside ? c[d] + gamma * (xr[d] - c[d]) : c[d] + gamma * (s[worst][d] - c[d]);
    clamp_unit(xc);
    const double fc = obj(xc);
    if (fc < (outside ? fr : fw)) { s[worst] = xc; fs[worst] = fc; continue; }
    for (std::size_t i = 0; i <= n; ++i) {  // shrink towards the best vertex
      if (i == best) continue;
      for (std::size_t d = 0; d < n; ++d) s[i][d] = s[best][d] + delta * (s[i][d] - s[best][d]);
      fs[i] = obj(s[i]);
    }
  }
  const auto b = static_cast<std::size_t>(std::min_element(fs.begin(), fs.end()) - fs.begin());
  return {s[b], fs[b]};
}

}  // namespace detail

/// Minimise f(x) (x in the order of `ranges`) within the bounds. F: double(const std::vector<double>&).
template <class F>
MinimizeResult minimize(const F& f, const std::vector<Range>& ranges, const MinimizeOptions& o = {}) {
  if (ranges.empty()) throw invalid_input("ranges", "(empty)", "nothing to minimise");
  for (const auto& r : ranges) r.validate();
  const std::size_t n = ranges.size();
  detail::CubeObjective<F> obj{f, ranges, 0, std::vector<double>(n)};

  std::vector<std::vector<double>> starts;  // unit-cube coordinates
  if (!o.start.empty()) {
    if (o.start.size() != n) throw invalid_input("start", o.start.size(), "needs one value per parameter");
    std::vector<double> u(n);
    for (std::size_t d = 0; d < n; ++d) {
      if (!(o.start[d] >= ranges[d].lower && o.start[d] <= ranges[d].upper))
        throw invalid_input(ranges[d].name + ".start", o.start[d], "lies outside its range");
      u[d] = ranges[d].unit(o.start[d]);
    }
    starts.push_back(u);
  }
  if (o.n_starts > 0) {
    std::vector<Range> unit(n, Range{"u", 0.0, 1.0, false});
    for (auto& p : latin_hypercube(unit, o.n_starts, o.seed)) starts.push_back(p);
  }
  if (starts.empty()) starts.push_back(std::vector<double>(n, 0.5));

  MinimizeResult res;
  res.names.reserve(n);
  for (const auto& r : ranges) res.names.push_back(r.name);
  std::vector<double> best_u = starts.front();
  double best_f = std::numeric_limits<double>::infinity();
  const std::size_t per_start = std::max<std::size_t>(o.max_evaluations / (starts.size() + 1), 50 * n);

  for (const auto& u0 : starts) {
    if (obj.evaluations >= o.max_evaluations) break;
    ++res.starts;
    std::vector<double> u = u0;
    double fu = std::numeric_limits<double>::infinity();
    bool conv = false;
    double step = o.initial_step;
    const std::size_t begin = obj.evaluations;
    for (std::size_t r = 0; r <= o.max_restarts; ++r) {
      const std::size_t used = obj.evaluations - begin;
      if (used >= per_start || obj.evaluations >= o.max_evaluations) break;
      auto [un, fn] = detail::nelder_mead(obj, u, step, o, per_start - used, conv);
      const bool improved = fn < fu - o.ftol * (1.0 + std::abs(fn));
      if (fn <= fu) { u = un; fu = fn; }
      if (!improved && r > 0) break;
      step *= 0.5;
    }
    if (fu < best_f) {
      best_f = fu;
      best_u = u;
      res.converged = conv;
    }
  }
  res.f_min = best_f;
  res.x.resize(n);
  for (std::size_t d = 0; d < n; ++d) res.x[d] = ranges[d].at(std::clamp(best_u[d], 0.0, 1.0));
  res.evaluations = obj.evaluations;
  return res;
}

}  // namespace darkloops::fit
