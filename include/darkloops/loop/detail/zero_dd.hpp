// SPDX-License-Identifier: MIT
// Engine of the zero-momentum loop functions: divided differences of f_K(x) = x^K ln x at
// non-negative nodes (squared masses), stable for equal, nearly equal and vanishing nodes.
// Hermite-Genocchi: f[x_0..x_N] = int_{simplex S_N} f^(N)(sum_i t_i x_i) dt, so every
// zero-momentum PV coefficient is one such divided difference (docs/physics.md §2.2).
// Algorithm (docs/physics.md §2.2.3): nodes sorted; a range whose spread
// (max-min)/(max+min) <= taylor_window is summed as a Taylor series about its centre,
// f[x_0..x_N] = sum_j f^(N+j)(c)/(N+j)! h_j(x_0-c, ..., x_N-c)  (h_j complete homogeneous
// symmetric polynomials); a wider range uses the recurrence
// f[x_i..x_j] = (f[x_{i+1}..x_j] - f[x_i..x_{j-1}])/(x_j - x_i) down to order K+1, where the
// Leibniz rule (x^K ln x)[..] = sum_r (x^K)[x_i..x_{i+r}] ln[x_{i+r}..x_j] ends it on
// divided differences of ln, whose first order is log1p-based.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <type_traits>

#include <boost/math/policies/policy.hpp>
#include <boost/math/special_functions/fpclassify.hpp>
#include <boost/math/special_functions/log1p.hpp>

namespace darkloops::loop::zero::detail {

/// Half-width w of the Taylor window for a divided difference of order N: a node range is
/// expanded about its centre c when all nodes lie in [c(1-w), c(1+w)], i.e.
/// max/min <= (1+w)/(1-w). Outside it the recurrence is used, whose rounding-error
/// amplification grows like N/w per level; inside, the series needs ~ln(eps)/ln(w) terms.
/// Chosen from measured maximum errors (docs/validation.md): N <= 2: 1/4 (max/min <= 5/3),
/// N = 3: 0.35 (<= 2.08), N >= 4: 0.6 (<= 4).
constexpr double taylor_window(int N) noexcept { return N <= 2 ? 0.15 : (N == 3 ? 0.2 : 0.6); }
/// Window used for type T: the above for the built-in types; at most 0.25 for the
/// multiprecision reference types, whose 50 digits absorb the recurrence's amplification and
/// whose series would otherwise need ~260 terms (a 3x cost in the 50-digit tests).
template <class T>
constexpr double taylor_window_for(int N) noexcept {
  if constexpr (std::is_floating_point_v<T>) {
    return taylor_window(N);
  } else {
    return taylor_window(N) < 0.25 ? taylor_window(N) : 0.25;
  }
}
/// Hard cap on Taylor terms (50 digits at the widest window edge need ~260).
inline constexpr int max_taylor_terms = 320;

template <class T>
constexpr T nan() noexcept {
  return std::numeric_limits<T>::quiet_NaN();
}

template <class T>
inline T log_(const T& x) noexcept {
  using std::log;
  return log(x);
}

template <class T>
inline T log1p_(const T& x) noexcept {
  if constexpr (std::is_floating_point_v<T>) {
    return std::log1p(x);
  } else {
    using namespace boost::math::policies;
    using quiet = policy<domain_error<ignore_error>, pole_error<ignore_error>,
                         overflow_error<ignore_error>, evaluation_error<ignore_error>>;
    return boost::math::log1p(x, quiet());
  }
}

template <class T>
inline bool isfinite_(const T& x) noexcept {
  if constexpr (std::is_floating_point_v<T>) {
    return std::isfinite(x);
  } else {
    return (boost::math::isfinite)(x);
  }
}

/// A squared-mass argument is valid when finite and >= 0.
template <class T>
inline bool valid_mass(const T& m) noexcept {
  return isfinite_(m) && m >= 0;
}

/// ln(a/b) for a, b > 0, accurate to a few ulp also for a ~ b: log1p of the exact (Sterbenz)
/// a - b when 1/2 < a/b < 2, else log of the rounded ratio (|ln| > 0.69: relative error
/// <= 2 ulp). (A narrower log1p range, 3/4..4/3, doubled the worst D_ij error: kept wide.)
template <class T>
inline T log_ratio(const T& a, const T& b) noexcept {
  if (2 * a > b && a < 2 * b) return log1p_((a - b) / b);
  return log_(a / b);
}

/// ln[a,b] = (ln a - ln b)/(a - b) for a, b > 0 (= 1/a at a = b).
template <class T>
inline T ln_dd1(const T& a, const T& b) noexcept {
  if (a == b) return T(1) / a;
  return log_ratio(a, b) / (a - b);
}

/// Taylor coefficient f_K^(m)(1)/m! of f_K(x) = x^K ln x for m > K:
/// K! (-1)^(m-K-1) (m-K-1)! / m!.
template <class T>
constexpr T taylor_coefficient(int K, int m) noexcept {
  T r = T(1);
  for (int i = 1; i <= K; ++i) r *= T(i);
  for (int i = 1; i <= m - K - 1; ++i) r *= T(i);
  for (int i = 1; i <= m; ++i) r /= T(i);
  return ((m - K - 1) % 2 == 0) ? r : -r;
}
static_assert(taylor_coefficient<double>(0, 1) == 1.0);
static_assert(taylor_coefficient<double>(0, 2) == -0.5);
static_assert(taylor_coefficient<double>(1, 2) == 0.5);          // (x ln x)''/2 = 1/(2x)
static_assert(taylor_coefficient<double>(1, 3) == -1.0 / 6.0);   // (x ln x)'''/6 = -1/(6x^2)
static_assert(taylor_coefficient<double>(3, 4) == 0.25);         // (x^3 ln x)''''/24 = 1/(4x)

/// 1/i for i = 1..max_taylor_terms+8, in long double (exact to its precision): multiplies
/// instead of divides in the series for the built-in floating types.
struct Reciprocals {
  std::array<long double, max_taylor_terms + 9> v{};
  constexpr Reciprocals() noexcept {
    for (int i = 1; i < max_taylor_terms + 9; ++i) v[i] = 1.0L / static_cast<long double>(i);
  }
};
inline constexpr Reciprocals reciprocals{};
static_assert(reciprocals.v[4] == 0.25L);

template <class T>
constexpr T recip(int i) noexcept {
  if constexpr (std::is_floating_point_v<T>) {
    return static_cast<T>(reciprocals.v[i]);
  } else {
    return T(1) / T(i);
  }
}

/// Number of Taylor terms J for (x^K ln x)[N+1 nodes] at window half-width w: the bound
/// prod_{t<J} (N+t-K) w/(t+1) on the relative size of the tail is below eps/16.
template <class T>
constexpr int taylor_terms(int K, int N, const T& w) noexcept {
  const T eps = std::numeric_limits<T>::epsilon();
  int J = 0;
  T bound = T(1);
  while (bound > eps / 16 && J < max_taylor_terms) {
    bound *= T(N + J - K) * w * recip<T>(J + 1);
    ++J;
  }
  return J;
}

/// Taylor sum of (x^K ln x)[x_0..x_{n-1}] about c = (min+max)/2, n-1 > K, nodes > 0 sorted:
/// c^(K-N) sum_t b_{N+t} h_t(u), u_l = (x_l - c)/c, b_m = taylor_coefficient(K, m).
/// constexpr: no transcendental function is involved.
template <class T>
constexpr T taylor_dd(int K, const T* x, int n) noexcept {
  const int N = n - 1;
  const T lo = x[0];
  const T hi = x[n - 1];
  const T c = (lo + hi) / 2;
  const T ic = T(1) / c;
  const int J = taylor_terms<T>(K, N, (hi - lo) / (hi + lo));
  std::array<T, max_taylor_terms + 1> h;
  h[0] = T(1);
  for (int t = 1; t <= J; ++t) h[t] = T(0);
  for (int l = 0; l < n; ++l) {
    const T u = (x[l] - c) * ic;
    if (u == T(0)) continue;
    for (int t = 1; t <= J; ++t) h[t] += u * h[t - 1];
  }
  T b = taylor_coefficient<T>(K, N);
  T s = T(0);
  for (int t = 0; t <= J; ++t) {
    s += b * h[t];
    b *= -T(N + t - K) * recip<T>(N + t + 1);
  }
  T cp = T(1);  // c^(K-N)
  for (int i = 0; i < N - K; ++i) cp *= ic;
  return s * cp;
}
// Equal nodes: the series is its first term f^(N)(c)/N!.
// D0(2,2,2,2) = -(x ln x)[2,2,2,2] = 1/(6*2^2): (x ln x)''' = -1/x^2.
static_assert(taylor_dd<double>(1, std::array<double, 4>{2.0, 2.0, 2.0, 2.0}.data(), 4) ==
              -1.0 / 24.0);
// box F(1,1) = (x^2 ln x)[1,1,1,1] = (2/x)/3! = 1/3.
static_assert(taylor_dd<double>(2, std::array<double, 4>{1.0, 1.0, 1.0, 1.0}.data(), 4) ==
              1.0 / 3.0);

/// Complete homogeneous symmetric polynomial h_m(x_0..x_{n-1}), m small.
template <class T>
constexpr T complete_h(int m, const T* x, int n) noexcept {
  if (m == 0) return T(1);
  std::array<T, 8> h{};
  h[0] = T(1);
  for (int l = 0; l < n; ++l)
    for (int t = 1; t <= m; ++t) h[t] += x[l] * h[t - 1];
  return h[m];
}

/// Divided differences of x^K ln x (and of ln x) over contiguous ranges of sorted nodes,
/// memoised (a node set of size n has O(n^2) ranges).
template <class T, int K, int n>
class XkLnDD {
 public:
  static_assert(n >= 1 && n <= 7 && K >= 0 && K <= 4);

  explicit XkLnDD(const std::array<T, n>& nodes) noexcept : x_(nodes) {
    std::sort(x_.begin(), x_.end());
    for (auto& row : haveL_) row.fill(false);
    for (auto& row : haveP_) row.fill(false);
  }

  const std::array<T, n>& nodes() const noexcept { return x_; }
  int zeros() const noexcept {
    int z = 0;
    while (z < n && x_[z] == T(0)) ++z;
    return z;
  }

  /// ln[x_i..x_j], j > i, x_i > 0.
  T L(int i, int j) noexcept {
    if (haveL_[i][j]) return L_[i][j];
    T v;
    if (j == i + 1) {
      v = ln_dd1(x_[i], x_[j]);
    } else if (tight(i, j)) {
      v = taylor_dd<T>(0, &x_[i], j - i + 1);
    } else {
      v = (L(i + 1, j) - L(i, j - 1)) / (x_[j] - x_[i]);
    }
    haveL_[i][j] = true;
    L_[i][j] = v;
    return v;
  }

  /// (x^K ln x)[x_i..x_j], j - i > K; at most K zero nodes in the range.
  T P(int i, int j) noexcept {
    if constexpr (K == 0) {
      return L(i, j);
    } else {
      if (haveP_[i][j]) return P_[i][j];
      T v;
      if (tight(i, j)) {
        v = taylor_dd<T>(K, &x_[i], j - i + 1);
      } else if (j - i == K + 1) {
        v = T(0);
        for (int r = 0; r <= K; ++r) {
          if (x_[i + r] == T(0)) continue;  // (x^K)[0,..,0] = 0 for fewer than K+1 zeros
          v += complete_h(K - r, &x_[i], r + 1) * L(i + r, j);
        }
      } else {
        v = (P(i + 1, j) - P(i, j - 1)) / (x_[j] - x_[i]);
      }
      haveP_[i][j] = true;
      P_[i][j] = v;
      return v;
    }
  }

  /// (x^K ln(x/mu2))[x_0..x_{n-1}] for n-1 <= K (sign-indefinite). `scale` receives the sum of
  /// the moduli of the terms (the size against which rounding errors are measured).
  T leibniz_log(const T& mu2, T* scale = nullptr) noexcept {
    const int N = n - 1;
    T v = T(0);
    T s = T(0);
    for (int r = 0; r < N; ++r) {
      if (x_[r] == T(0)) continue;
      const T term = complete_h(K - r, &x_[0], r + 1) * L(r, N);
      v += term;
      s += abs_(term);
    }
    const T hN = complete_h(K - N, &x_[0], n);
    if (hN != T(0)) {
      const T term = hN * log_(x_[N] / mu2);
      v += term;
      s += abs_(term);
    }
    if (scale) *scale = s;
    return v;
  }

 private:
  static T abs_(const T& a) noexcept { return a < 0 ? -a : a; }
  bool tight(int i, int j) const noexcept {
    return x_[i] > T(0) && (x_[j] - x_[i]) <= T(taylor_window_for<T>(j - i)) * (x_[j] + x_[i]);
  }

  std::array<T, n> x_;
  std::array<std::array<T, n>, n> L_{}, P_{};
  std::array<std::array<bool, n>, n> haveL_{}, haveP_{};
};

/// (x^K ln x)[nodes] for N = n-1 > K: sign-definite, (-1)^(N-K-1) * positive. NaN when more
/// than K nodes vanish (the Feynman-parameter integral diverges: IR divergence).
template <class T, int K, int n>
inline T xkln_dd(const std::array<T, n>& nodes) noexcept {
  static_assert(n - 1 > K);
  XkLnDD<T, K, n> e(nodes);
  if (e.zeros() > K) return nan<T>();
  return e.P(0, n - 1);
}

/// (x^K ln(x/mu2))[nodes] for N = n-1 <= K. NaN when all nodes vanish and N == K
/// (scaleless, IR-divergent); 0 when all vanish and N < K.
template <class T, int K, int n>
inline T xkln_dd_log(const std::array<T, n>& nodes, const T& mu2) noexcept {
  static_assert(n - 1 <= K);
  XkLnDD<T, K, n> e(nodes);
  if (e.zeros() == n && n - 1 == K) return nan<T>();
  return e.leibniz_log(mu2);
}

}  // namespace darkloops::loop::zero::detail
