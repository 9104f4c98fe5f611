// SPDX-License-Identifier: MIT
// Stable branch of the tensor reduction where the Gram determinant is small (docs/physics.md
// §2.1, "Tensor reduction", eqs. (TR.10)-(TR.13)): the tensor coefficients are analytic in each
// kinematic invariant across the surface det Z = 0 (the 1/det Z of the Passarino–Veltman
// formulas is spurious), so they are reconstructed at the target point s from evaluations on a
// line s + x d in invariant space at x = +-h sqrt(u_i), u_i Chebyshev points on [a^2, 1]: the
// even part (f(x) + f(-x))/2 is a polynomial in u = x^2 extrapolated to u = 0.  The nodes keep
// a distance a h from s, where the reduction is as ill-conditioned as at s itself.  d (moving
// up to three invariants), h (R/4..R/16, R = distance to the nearest normal threshold of a
// moving invariant) and a maximise (smallest relative |det Z| over the nodes)^2 / Lambda.
// Error = sum |w_i| (node error) + |degree-7 minus degree-6 extrapolation|.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <cstddef>
#include <limits>

#include "darkloops/loop/detail/reduction_tracked.hpp"

namespace darkloops::loop::detail {

inline constexpr int interp_nodes = 16;

/// Fallback threshold: digits lost above which the stable branch is tried.
template <class T>
constexpr T fallback_threshold() noexcept {
  return T(std::numeric_limits<T>::digits10) / 3;
}

/// s: invariants; thr: normal threshold of each invariant; movable: invariants the line may
/// change (for D the channel invariants p1p2, p2p3 only: moving external masses p_i^2 above
/// threshold can cross anomalous thresholds, which the radius R does not see); gram(s): conditioning measure
/// (relative Gram determinant, eq. (TR.12));
/// eval(s): well-conditioned-or-not reduction returning std::array<Tracked<T>, NC>.
/// Returns false in ok when no usable interval exists.
template <class T, std::size_t NS, std::size_t NC, class Gram, class Eval>
std::array<Tracked<T>, NC> interpolate_across_gram(const std::array<T, NS>& s,
                                                   const std::array<T, NS>& thr,
                                                   const std::array<bool, NS>& movable, Gram gram,
                                                   Eval eval, bool& ok) noexcept {
  using std::abs;
  using std::atan;
  using std::cos;
  using std::sqrt;
  std::array<Tracked<T>, NC> out{};
  ok = false;
  const T pi = T(4) * T(atan(T(1)));
  constexpr int M = interp_nodes / 2;  // nodes in u = x^2, each evaluated at x = +-sqrt(u)
  // Node sets for the gap parameter a: u_i = Chebyshev points on [a^2, 1] (eq. (TR.11));
  // w_i = Lagrange weights of the extrapolation to u = 0, Lambda = sum |w_i|; w7 the same
  // without the innermost node (truncation estimate).
  struct Nodes {
    std::array<T, M> x, w, w7;
    T lambda;
  };
  auto make_nodes = [&](const T& a) {
    Nodes n{};
    std::array<T, M> u;
    for (int i = 0; i < M; ++i)
      u[i] = (1 + a * a) / 2 + (1 - a * a) / 2 * T(cos(pi * (T(i) + T(1) / 2) / T(M)));
    n.lambda = 0;
    for (int i = 0; i < M; ++i) {
      n.x[i] = T(sqrt(u[i]));
      T w = 1, w7 = 1;
      for (int k = 0; k < M; ++k) {
        if (k == i) continue;
        w *= -u[k] / (u[i] - u[k]);
        if (k != M - 1) w7 *= -u[k] / (u[i] - u[k]);
      }
      n.w[i] = w;
      n.w7[i] = i == M - 1 ? T(0) : w7;  // u[M-1] is the innermost node
      n.lambda += T(abs(w));
    }
    return n;
  };
  const std::array<Nodes, 3> sets{make_nodes(T(15) / 100), make_nodes(T(25) / 100),
                                  make_nodes(T(35) / 100)};
  // Candidate lines s + x d: components of d in {-1, 0, 1}, at most three non-zero, first
  // non-zero +1.  R = distance to the nearest normal threshold of a moving invariant bounds
  // the analyticity radius; h in R/4 ... R/16.  Score (eq. (TR.12)): (smallest relative
  // |det Z| over the nodes)^2 / Lambda, i.e. the expected noise amplification.
  std::array<T, NS> best_d{};
  T best_h = 0, best_score = 0;
  int best_set = 0;
  auto consider = [&](const std::array<T, NS>& d) {
    T R = std::numeric_limits<T>::infinity();
    for (std::size_t i = 0; i < NS; ++i)
      if (d[i] != T(0)) R = std::min(R, T(abs(s[i] - thr[i])));
    if (!(R > 0) || !(R < std::numeric_limits<T>::infinity())) return;
    for (const int div : {4, 6, 8, 12, 16}) {
      const T h = R / T(div);
      for (int a = 0; a < 3; ++a) {
        T cmin = std::numeric_limits<T>::infinity();
        for (int j = 0; j < 2 * M && cmin * cmin / sets[a].lambda > best_score; ++j) {
          auto sn = s;
          const T x = (j < M ? h : -h) * sets[a].x[j % M];
          for (std::size_t i = 0; i < NS; ++i) sn[i] += x * d[i];
          cmin = std::min(cmin, T(abs(gram(sn))));
        }
        const T score = cmin * cmin / sets[a].lambda;
        if (score > best_score) {
          best_score = score;
          best_h = h;
          best_d = d;
          best_set = a;
        }
      }
    }
  };
  std::array<int, NS> digit{};  // base-3 counter over {0, 1, -1}^NS
  for (;;) {
    std::size_t i = 0;
    while (i < NS && digit[i] == 2) digit[i++] = 0;
    if (i == NS) break;
    ++digit[i];
    std::array<T, NS> d{};
    int nonzero = 0;
    T first = 0;
    bool allowed = true;
    for (std::size_t k = 0; k < NS; ++k) {
      d[k] = digit[k] == 0 ? T(0) : digit[k] == 1 ? T(1) : T(-1);
      if (digit[k] != 0 && !movable[k]) allowed = false;
      if (digit[k] != 0) {
        if (nonzero == 0) first = d[k];
        ++nonzero;
      }
    }
    if (!allowed || nonzero > 3 || first < 0) continue;
    consider(d);
  }
  if (!(best_score > 0)) return out;
  const Nodes& nd = sets[best_set];
  std::array<std::array<Tracked<T>, NC>, M> plus, minus;
  for (int j = 0; j < M; ++j) {
    auto sp = s, sm = s;
    for (std::size_t i = 0; i < NS; ++i) {
      sp[i] += best_h * nd.x[j] * best_d[i];
      sm[i] -= best_h * nd.x[j] * best_d[i];
    }
    plus[j] = eval(sp);
    minus[j] = eval(sm);
  }
  for (std::size_t c = 0; c < NC; ++c) {
    std::complex<T> v{}, v7{};
    T noise = 0;
    for (int j = 0; j < M; ++j) {
      const std::complex<T> fe = (plus[j][c].v + minus[j][c].v) / T(2);  // even part
      const T ee = std::max(plus[j][c].e, minus[j][c].e);
      v += nd.w[j] * fe;
      v7 += nd.w7[j] * fe;
      noise += T(abs(nd.w[j])) * ee;
    }
    out[c] = {v, noise + cabs(v - v7) + 4 * unit_roundoff<T>() * cabs(v)};
  }
  ok = true;
  return out;
}

}  // namespace darkloops::loop::detail
