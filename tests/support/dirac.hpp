// SPDX-License-Identifier: MIT
// Amplitude-level check harness (tests only): explicit 4x4 Dirac algebra, external spinors,
// charge conjugation, Majorana fermion-flow rules and the contraction of fermion lines with
// zero-momentum loop tensor integrals. Used to check Wilson coefficients WITHOUT Fierz
// identities: build each diagram from these pieces and compare with the matrix element of
// the effective operators for random spinors.
//
// Conventions (stable API; docs/physics.md <!-- bsll --> "amplitude-level harness"):
//  * metric (+,-,-,-); chiral (Weyl) representation as in Peskin & Schroeder (3.25):
//      gamma^0 = [[0,1],[1,0]], gamma^i = [[0,sigma^i],[-sigma^i,0]], gamma5 = diag(-1,-1,1,1),
//    so P_L = (1-gamma5)/2 = diag(1,1,0,0).
//  * sigma^{mu nu} = (i/2)[gamma^mu, gamma^nu].
//  * charge conjugation C = i gamma^2 gamma^0: C gamma^{mu T} C^-1 = -gamma^mu, C^T = -C,
//    C^dagger = C^-1 (checked in tests/test_obs_bsll_amplitude.cpp).
//  * u(p,h): helicity eigenstates, u = (sqrt(p.sigma) xi, sqrt(p.sigmabar) xi) (P&S 3.50);
//    v(p,h) := C ubar(p,h)^T, so that Denner's flow rules hold literally:
//    v = C ubar^T, u = C vbar^T (Denner, Eck, Hahn, Kublbeck, NPB 387 (1992) 467, eq. (3.4)).
//  * Majorana fermion flow (Denner et al.): choose an orientation (fermion flow) for every
//    fermion chain; a vertex written for a Dirac-type bilinear  chibar Gamma psi  is used as
//    Gamma when the flow runs psi -> chi and as Gamma' = C Gamma^T C^-1 (`reversed`) when it runs
//    the other way; external spinors follow the flow (u/ubar along the fermion-number flow,
//    v/vbar against it); propagators are i(pslash + m)/(p^2 - m^2) with p along the flow;
//    each diagram carries the sign of the permutation of its external spinors relative to a
//    fixed reference order (`permutation_sign`).
//  * Loop integrals at zero external momenta (LoopTools normalisation):
//      int d^4k/(2pi)^4 f(k)/prod_i (k^2 - m_i^2) = i/(16 pi^2) x [PV coefficient],
//      k^mu k^nu -> g^{mu nu} D00, 1 -> D0, odd powers of k -> 0.
//    `two_line_box` returns the bracket (without the common i/(16 pi^2)).
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <cstdint>
#include <numbers>
#include <random>
#include <vector>

namespace darkloops::testing {

using cplx = std::complex<double>;
using Mat4 = Eigen::Matrix4cd;
using Spinor = Eigen::Vector4cd;      ///< column spinor u, v
using BarSpinor = Eigen::RowVector4cd;  ///< row spinor ubar, vbar
using FourMomentum = std::array<double, 4>;  ///< (E, px, py, pz)

/// Metric tensor g_{mu mu} (diagonal).
inline double metric(int mu) { return mu == 0 ? 1.0 : -1.0; }

/// The Pauli matrices sigma^i, i = 1..3 (index 0 gives the identity).
inline Eigen::Matrix2cd pauli(int i) {
  const cplx I(0, 1);
  Eigen::Matrix2cd s;
  switch (i) {
    case 1: s << 0, 1, 1, 0; break;
    case 2: s << 0, -I, I, 0; break;
    case 3: s << 1, 0, 0, -1; break;
    default: s = Eigen::Matrix2cd::Identity();
  }
  return s;
}

/// gamma^mu (upper index), chiral representation.
inline Mat4 gamma(int mu) {
  Mat4 g = Mat4::Zero();
  if (mu == 0) {
    g.block<2, 2>(0, 2) = Eigen::Matrix2cd::Identity();
    g.block<2, 2>(2, 0) = Eigen::Matrix2cd::Identity();
  } else {
    g.block<2, 2>(0, 2) = pauli(mu);
    g.block<2, 2>(2, 0) = -pauli(mu);
  }
  return g;
}
/// gamma_mu (lower index).
inline Mat4 gamma_lower(int mu) { return metric(mu) * gamma(mu); }
inline Mat4 one() { return Mat4::Identity(); }
inline Mat4 gamma5() {
  const cplx I(0, 1);
  return I * gamma(0) * gamma(1) * gamma(2) * gamma(3);
}
inline Mat4 PL() { return 0.5 * (one() - gamma5()); }
inline Mat4 PR() { return 0.5 * (one() + gamma5()); }
inline Mat4 sigma(int mu, int nu) {
  const cplx I(0, 1);
  return 0.5 * I * (gamma(mu) * gamma(nu) - gamma(nu) * gamma(mu));
}
/// pslash = gamma^mu p_mu.
inline Mat4 slash(const FourMomentum& p) {
  return p[0] * gamma(0) - p[1] * gamma(1) - p[2] * gamma(2) - p[3] * gamma(3);
}
/// Charge-conjugation matrix C = i gamma^2 gamma^0.
inline Mat4 charge_conjugation() { return cplx(0, 1) * gamma(2) * gamma(0); }
/// Denner's reversed-flow vertex Gamma' = C Gamma^T C^-1.
inline Mat4 reversed(const Mat4& G) {
  const Mat4 C = charge_conjugation();
  return C * G.transpose() * C.inverse();
}
/// Dirac adjoint psibar = psi^dagger gamma^0.
inline BarSpinor bar(const Spinor& s) { return s.adjoint() * gamma(0); }

/// On-shell four-momentum of mass m with three-momentum (px, py, pz).
inline FourMomentum on_shell(double m, double px, double py, double pz) {
  return {std::sqrt(m * m + px * px + py * py + pz * pz), px, py, pz};
}

/// Helicity eigenspinor xi (2 components) along the direction of (px,py,pz), helicity h = +-1.
inline Eigen::Vector2cd helicity_xi(const FourMomentum& p, int h) {
  const double pa = std::sqrt(p[1] * p[1] + p[2] * p[2] + p[3] * p[3]);
  const double th = pa > 0 ? std::acos(std::clamp(p[3] / pa, -1.0, 1.0)) : 0.0;
  const double ph = std::atan2(p[2], p[1]);
  Eigen::Vector2cd xi;
  if (h > 0)
    xi << std::cos(th / 2), std::polar(1.0, ph) * std::sin(th / 2);
  else
    xi << -std::polar(1.0, -ph) * std::sin(th / 2), std::cos(th / 2);
  return xi;
}

/// u(p, h) for mass m (P&S 3.50 with a helicity eigenspinor), normalised ubar u = 2m.
inline Spinor u_spinor(const FourMomentum& p, double m, int h) {
  (void)m;
  const double pa = std::sqrt(p[1] * p[1] + p[2] * p[2] + p[3] * p[3]);
  const Eigen::Vector2cd xi = helicity_xi(p, h);
  // p.sigma xi = (E - h|p|) xi, p.sigmabar xi = (E + h|p|) xi for a helicity eigenstate.
  const double a = std::sqrt(std::max(0.0, p[0] - h * pa));
  const double b = std::sqrt(std::max(0.0, p[0] + h * pa));
  Spinor u;
  u << a * xi(0), a * xi(1), b * xi(0), b * xi(1);
  return u;
}
/// v(p, h) := C ubar(p, h)^T (Denner's relation); satisfies (pslash + m) v = 0.
inline Spinor v_spinor(const FourMomentum& p, double m, int h) {
  return charge_conjugation() * bar(u_spinor(p, m, h)).transpose();
}

/// The chain  rowbar * M * col.
inline cplx chain(const BarSpinor& a, const Mat4& M, const Spinor& b) { return (a * M * b)(0, 0); }

/// Matrix element of a product of two bilinears (abar G1 b)(cbar G2 d) (no sign: the caller
/// orders the spinors as in its reference order).
inline cplx bilinear_product(const BarSpinor& a, const Mat4& G1, const Spinor& b,
                             const BarSpinor& c, const Mat4& G2, const Spinor& d) {
  return chain(a, G1, b) * chain(c, G2, d);
}
/// Same for vector currents (abar gamma^mu G1 b)(cbar gamma_mu G2 d).
inline cplx vector_product(const BarSpinor& a, const Mat4& G1, const Spinor& b,
                           const BarSpinor& c, const Mat4& G2, const Spinor& d) {
  cplx s = 0;
  for (int mu = 0; mu < 4; ++mu)
    s += metric(mu) * chain(a, gamma(mu) * G1, b) * chain(c, gamma(mu) * G2, d);
  return s;
}

/// One fermion line of a zero-momentum loop: abar * Gout * [s k-slash + m] * Gin * b, with the
/// propagator numerator of momentum s*k along the chosen flow (s = +-1) and mass m.
struct FermionLine {
  BarSpinor out;   ///< left end (ubar or vbar, following the flow)
  Mat4 vertex_out; ///< vertex at the left end (already reversed if the flow requires)
  double k_sign;   ///< +1 if the loop momentum k runs along the flow, -1 otherwise
  double mass;     ///< fermion mass in the propagator
  Mat4 vertex_in;  ///< vertex at the right end
  Spinor in;       ///< right end (u or v)
};

/// Zero-momentum four-point tensor integrals of the box (LoopTools normalisation).
struct BoxIntegrals {
  double d0;   ///< D0(m1..m4)
  double d00;  ///< D00(m1..m4)
};

/// Bracket of a box with two fermion lines (each with one propagator):
///   int d^4k/(2pi)^4 L1(k) L2(k) / prod(k^2 - m^2) = i/(16 pi^2) * two_line_box(...)
/// = s1 s2 D00 sum_mu g_mumu [L1 gamma^mu][L2 gamma^mu] + m1 m2 D0 [L1 1][L2 1].
inline cplx two_line_box(const FermionLine& l1, const FermionLine& l2, const BoxIntegrals& I) {
  cplx kk = 0;
  for (int mu = 0; mu < 4; ++mu)
    kk += metric(mu) * chain(l1.out, l1.vertex_out * gamma(mu) * l1.vertex_in, l1.in) *
          chain(l2.out, l2.vertex_out * gamma(mu) * l2.vertex_in, l2.in);
  const cplx mm = chain(l1.out, l1.vertex_out * l1.vertex_in, l1.in) *
                  chain(l2.out, l2.vertex_out * l2.vertex_in, l2.in);
  return l1.k_sign * l2.k_sign * I.d00 * kk + l1.mass * l2.mass * I.d0 * mm;
}

/// Sign of the permutation taking `reference` to `order` (both lists of distinct labels).
template <std::size_t N>
inline int permutation_sign(const std::array<int, N>& order, const std::array<int, N>& reference) {
  std::array<int, N> idx{};
  for (std::size_t i = 0; i < N; ++i)
    idx[i] = static_cast<int>(std::find(reference.begin(), reference.end(), order[i]) - reference.begin());
  int inv = 0;
  for (std::size_t i = 0; i < N; ++i)
    for (std::size_t j = i + 1; j < N; ++j)
      if (idx[i] > idx[j]) ++inv;
  return inv % 2 == 0 ? 1 : -1;
}

/// Random helpers for tests (deterministic with a seeded engine).
struct Random {
  std::mt19937_64 engine;
  explicit Random(std::uint64_t seed) : engine(seed) {}
  double uniform(double a, double b) { return std::uniform_real_distribution<double>(a, b)(engine); }
  cplx complex_unit_disk(double r = 1.0) {
    return std::polar(r * std::sqrt(uniform(0, 1)), uniform(-std::numbers::pi, std::numbers::pi));
  }
  /// Random on-shell momentum with |p| up to pmax.
  FourMomentum momentum(double m, double pmax) {
    return on_shell(m, uniform(-pmax, pmax), uniform(-pmax, pmax), uniform(-pmax, pmax));
  }
};

}  // namespace darkloops::testing
