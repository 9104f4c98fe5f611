// SPDX-License-Identifier: MIT
// l -> 3l' and mu-e conversion: the four-lepton box coefficients against diagrams built with
// Denner's Majorana fermion-flow rules and explicit spinors (no Fierz identities), the three-body
// width formula against a numerical Dalitz integration of the spin-summed |amplitude|^2 with
// explicit spinors, the Z penguin's UV/scale cancellation and its vanishing without eta-phi
// mixing, and the mu-e conversion dipole normalisation against the contact-photon limit.
#include <darkloops/model/presets.hpp>
#include <darkloops/observables/leptons.hpp>
#include <darkloops/observables/lfv_three_body.hpp>
#include <darkloops/observables/mu_e_conversion.hpp>
#include <doctest/doctest.h>

#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <cmath>

#include "support/dirac.hpp"

using namespace darkloops;
namespace dt = darkloops::testing;

namespace {

LeptonSector random_sector(std::uint64_t seed, double cr_scale) {
  dt::Random r(seed);
  LeptonSector s;
  s.M_N = r.uniform(400.0, 1400.0);
  s.m_H = Vector3d(r.uniform(300.0, 700.0), r.uniform(700.0, 1100.0), r.uniform(1100.0, 1600.0));
  for (int a = 0; a < 3; ++a)
    for (int k = 0; k < 3; ++k) {
      s.cL(a, k) = r.complex_unit_disk(1.0);
      s.cR(a, k) = r.complex_unit_disk(cr_scale);
    }
  return s;
}

/// <O> = [u1bar G1 u][u2bar G2 v3] - [u2bar G1 u][u1bar G2 v3] for O = (ebar G1 mu)(ebar G2 e).
cplx op_element(const dt::BarSpinor& u1, const dt::BarSpinor& u2, const dt::Spinor& u, const dt::Spinor& v3,
                const dt::Mat4& G1, const dt::Mat4& G2, bool vector) {
  if (vector) return dt::vector_product(u1, G1, u, u2, G2, v3) - dt::vector_product(u2, G1, u, u1, G2, v3);
  return dt::bilinear_product(u1, G1, u, u2, G2, v3) - dt::bilinear_product(u2, G1, u, u1, G2, v3);
}

cplx ops_amplitude(const FourLeptonCoefficients& c, const dt::BarSpinor& u1, const dt::BarSpinor& u2,
                   const dt::Spinor& u, const dt::Spinor& v3) {
  const dt::Mat4 L = dt::PL(), R = dt::PR();
  return c.V_LL * op_element(u1, u2, u, v3, L, L, true) + c.V_RR * op_element(u1, u2, u, v3, R, R, true) +
         c.V_LR * op_element(u1, u2, u, v3, L, R, true) + c.V_RL * op_element(u1, u2, u, v3, R, L, true) +
         c.S_LL * op_element(u1, u2, u, v3, L, L, false) + c.S_RR * op_element(u1, u2, u, v3, R, R, false);
}

/// All box diagrams of l_alpha -> l_beta l_gamma lbar_delta from Denner's fermion-flow rules with
/// explicit spinors (defined with the general-flavour tests below).
cplx box_diagrams(const LeptonSector& s, const detail::leptons::BoxTable& B, int al, int be, int ga, int de,
                  const dt::Spinor& u, const dt::BarSpinor& u1, const dt::BarSpinor& u2, const dt::Spinor& v2,
                  const dt::Spinor& v3, const dt::BarSpinor& vb3);

}  // namespace

TEST_CASE("four-lepton boxes: Denner-flow diagrams with explicit spinors vs the Fierzed coefficients") {
  // mu(p) -> e(p1) e(p2) e+(p3); loop integrals at zero external momenta, spinors on shell.
  // Amplitude = (i/16pi^2) sum_diagrams sign x two_line_box; operators: i sum_i C_i <O_i>.
  for (double crs : {0.0, 0.7}) {
    const LeptonSector s = random_sector(crs == 0.0 ? 3 : 4, crs);
    const int al = 1, be = 0;  // mu -> 3e
    const auto c = four_lepton_boxes(s, be, al);
    const auto B = detail::leptons::box_table(s);
    dt::Random r(99);
    for (int trial = 0; trial < 6; ++trial) {
      const double m = 0.1;
      const auto p = r.momentum(m, 0.2), p1 = r.momentum(0.0005, 0.2), p2 = r.momentum(0.0005, 0.2),
                 p3 = r.momentum(0.0005, 0.2);
      const int h[4] = {trial % 2 ? 1 : -1, trial % 3 ? 1 : -1, trial % 4 < 2 ? 1 : -1, trial < 3 ? 1 : -1};
      const dt::Spinor u = dt::u_spinor(p, m, h[0]);
      const dt::BarSpinor u1 = dt::bar(dt::u_spinor(p1, 0.0005, h[1])), u2 = dt::bar(dt::u_spinor(p2, 0.0005, h[2]));
      const dt::Spinor v3 = dt::v_spinor(p3, 0.0005, h[3]);
      const dt::Spinor v2 = dt::v_spinor(p2, 0.0005, h[2]);
      // Denner: with the flow leaving the diagram at the outgoing antifermion e3, its spinor is
      // ubar(p3) (v(p3) = C ubar(p3)^T, the same state as in the reference amplitude).
      const dt::BarSpinor vb3 = dt::bar(dt::u_spinor(p3, 0.0005, h[3]));
      // The Denner-flow diagrams of the general builder box_diagrams() (below) with all three final
      // flavours e: Dirac boxes (chain A e_i <- mu, chain B e_j <- e+, both orderings of the two
      // identical electrons) and the two Majorana-crossed boxes (chain C e3 <- mu, chain D e2 -> e1).
      const cplx box = box_diagrams(s, B, al, be, be, be, u, u1, u2, v2, v3, vb3);
      const cplx diagrams = cplx(0, 1) / (16 * pi * pi) * box;
      const cplx ops = cplx(0, 1) * ops_amplitude(c, u1, u2, u, v3);
      // both sides are sums of O(1e-7..1e-9) GeV^-2 x spinor products; exact algebra, so agreement
      // to rounding (1e-10 relative to the larger of the individual diagram sizes)
      CHECK(std::abs(diagrams - ops) < 1e-9 * std::max(std::abs(diagrams), 1e-30) + 1e-25);
    }
  }
}

TEST_CASE("four-lepton boxes: LL part is -(F + 2G)-type, the same Majorana combination as in b->s") {
  LeptonSector s = random_sector(21, 0.0);
  const auto c = four_lepton_boxes(s, 0, 1);
  const double M2 = s.M_N * s.M_N;
  cplx ref = 0;
  for (int k = 0; k < 3; ++k)
    for (int l = 0; l < 3; ++l) {
      const double xk = std::pow(s.m_H(k), 2) / M2, xl = std::pow(s.m_H(l), 2) / M2;
      ref += std::conj(s.cL(0, k)) * s.cL(0, k) * std::conj(s.cL(0, l)) * s.cL(1, l) *
             -(loop::box_F(xk, xl) + 2.0 * loop::box_G(xk, xl)) / (64 * pi * pi * M2);
    }
  CHECK(std::abs(c.V_LL - ref) < 1e-12 * std::abs(ref));
  CHECK(std::abs(c.V_RR) == 0.0);
  CHECK(std::abs(c.S_LL) == 0.0);
}

namespace {

/// Spin-summed |M|^2 of mu(p) -> e(p1) e(p2) e+(p3) for contact coefficients c and dipoles A_L, A_R
/// in the conventions of lepton_amplitudes.hpp (photon propagator -i g/q^2, vertex -ieQ, Q = -1).
double msq(const FourLeptonCoefficients& c, cplx AL, cplx AR, double m, double me, const dt::FourMomentum& p,
           const dt::FourMomentum& p1, const dt::FourMomentum& p2, const dt::FourMomentum& p3) {
  static const std::array<dt::Mat4, 4> g = {dt::gamma(0), dt::gamma(1), dt::gamma(2), dt::gamma(3)};
  static const dt::Mat4 L = dt::PL(), R = dt::PR();
  const double e2 = 4 * pi * inputs::sm::alpha_em_0;
  // dipole vertex matrices i e^2 m (-i sigma^{mu nu} q_nu / q^2)(A_L PL + A_R PR), q = p_i - p
  auto dipmat = [&](const dt::FourMomentum& pa) {
    std::array<dt::Mat4, 4> D;
    dt::FourMomentum q;
    for (int i = 0; i < 4; ++i) q[i] = pa[i] - p[i];
    const double q2 = q[0] * q[0] - q[1] * q[1] - q[2] * q[2] - q[3] * q[3];
    for (int mu = 0; mu < 4; ++mu) {
      dt::Mat4 sq = dt::Mat4::Zero();
      for (int nu = 0; nu < 4; ++nu) sq += dt::sigma(mu, nu) * (dt::metric(nu) * q[nu]);
      D[mu] = (e2 * m / q2) * sq * (AL * L + AR * R);  // i * (-i) = 1
    }
    return D;
  };
  const auto D1 = dipmat(p1), D2 = dipmat(p2);
  double sum = 0;
  for (int h0 : {-1, 1})
    for (int h1 : {-1, 1})
      for (int h2 : {-1, 1})
        for (int h3 : {-1, 1}) {
          const dt::Spinor u = dt::u_spinor(p, m, h0);
          const dt::BarSpinor u1 = dt::bar(dt::u_spinor(p1, me, h1)), u2 = dt::bar(dt::u_spinor(p2, me, h2));
          const dt::Spinor v3 = dt::v_spinor(p3, me, h3);
          // currents: first bilinear with e_a, second with e_b
          auto term = [&](const dt::BarSpinor& ua, const dt::BarSpinor& ub, const std::array<dt::Mat4, 4>& Dd) {
            cplx t = 0;
            for (int mu = 0; mu < 4; ++mu) {
              const double gm = dt::metric(mu);
              const cplx aL = dt::chain(ua, g[mu] * L, u), aR = dt::chain(ua, g[mu] * R, u);
              const cplx bL = dt::chain(ub, g[mu] * L, v3), bR = dt::chain(ub, g[mu] * R, v3);
              t += gm * cplx(0, 1) * (c.V_LL * aL * bL + c.V_RR * aR * bR + c.V_LR * aL * bR + c.V_RL * aR * bL);
              t += gm * dt::chain(ua, Dd[mu], u) * (bL + bR);
            }
            t += cplx(0, 1) * (c.S_LL * dt::chain(ua, L, u) * dt::chain(ub, L, v3) +
                               c.S_RR * dt::chain(ua, R, u) * dt::chain(ub, R, v3));
            return t;
          };
          sum += std::norm(term(u1, u2, D1) - term(u2, u1, D2));
        }
  return sum;
}

/// Gamma = (1/2!) (1/(2m)) int dPhi_3 (1/2) sum |M|^2 with dPhi_3 = ds12 ds23/(128 pi^3 m^2)·(1/ (2 pi)^0)
/// i.e. dGamma = |M|^2_avg ds12 ds23 / (256 pi^3 m^3), integrated over the Dalitz region.
double dalitz_width(const FourLeptonCoefficients& c, cplx AL, cplx AR, double m, double me) {
  using boost::math::quadrature::gauss_kronrod;
  const double smin = 4 * me * me, smax = (m - me) * (m - me);
  auto inner = [&](double s23) {
    // s12 range for given s23 (particles 2,3 form s23)
    const double E2s = s23 / (2 * std::sqrt(s23)), E1s = (m * m - s23 - me * me) / (2 * std::sqrt(s23));
    const double p2s = std::sqrt(std::max(0.0, E2s * E2s - me * me)), p1s = std::sqrt(std::max(0.0, E1s * E1s - me * me));
    const double lo = (E1s + E2s) * (E1s + E2s) - (p1s + p2s) * (p1s + p2s);
    const double hi = (E1s + E2s) * (E1s + E2s) - (p1s - p2s) * (p1s - p2s);
    return gauss_kronrod<double, 31>::integrate(
        [&](double s12) {
          const double s13 = m * m + 3 * me * me - s12 - s23;
          const double E1 = (m * m + me * me - s23) / (2 * m), E3 = (m * m + me * me - s12) / (2 * m);
          const double P1 = std::sqrt(std::max(0.0, E1 * E1 - me * me)), P3 = std::sqrt(std::max(0.0, E3 * E3 - me * me));
          // (p1 + p3)^2 = s13 fixes the angle between p1 and p3
          double ct = (2 * me * me + 2 * E1 * E3 - s13) / (2 * P1 * P3);
          ct = std::clamp(ct, -1.0, 1.0);
          const double st = std::sqrt(1 - ct * ct);
          const dt::FourMomentum pp{m, 0, 0, 0};
          const dt::FourMomentum p1{E1, 0.3 * P1, 0.4 * P1, std::sqrt(0.75) * P1};
          // p3 at angle theta from p1 in a generic plane: build an orthonormal direction
          const double n1[3] = {0.3, 0.4, std::sqrt(0.75)};
          double w[3] = {-0.4, 0.3, 0.0};
          const double wn = std::sqrt(w[0] * w[0] + w[1] * w[1]);
          for (double& x : w) x /= wn;
          const dt::FourMomentum p3{E3, P3 * (ct * n1[0] + st * w[0]), P3 * (ct * n1[1] + st * w[1]),
                                    P3 * (ct * n1[2] + st * w[2])};
          const dt::FourMomentum p2{m - E1 - E3, -p1[1] - p3[1], -p1[2] - p3[2], -p1[3] - p3[3]};
          return 0.5 * msq(c, AL, AR, m, me, pp, p1, p2, p3);
        },
        lo, hi, 5, 1e-7);
  };
  // log substitution for the photon pole at small s23
  const double I = gauss_kronrod<double, 31>::integrate(
      [&](double t) {
        const double s23 = std::exp(t);
        return s23 * inner(s23);
      },
      std::log(smin), std::log(smax), 6, 1e-7);
  return 0.5 * I / (256 * std::pow(pi, 3) * m * m * m);
}

}  // namespace

// The Dalitz integration costs ~25 s CPU at -O1 but ~400 s under ASan+UBSan: it is skipped in
// sanitizer builds (it exercises only test-side code; the library functions it checks are run by
// the other cases under the sanitizers).
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif
#else
inline constexpr bool kSanitized = false;
#endif

TEST_CASE("three-body width formula vs numerical Dalitz integration with explicit spinors" * doctest::skip(kSanitized)) {
  // m = 1 (units), m_e/m = the physical ratio; corrections O(m_e^2/m^2) ~ 2e-5 to the contact terms,
  // and O(m_e^2/m^2 ln) to the dipole constant: tolerance 2e-3 also covers the quadrature (1e-8).
  const double m = 1.0, me = inputs::sm::m_e / inputs::sm::m_mu;
  dt::Random r(7);
  auto rc = [&] { return r.complex_unit_disk(1.0); };
  SUBCASE("contact operators only") {
    FourLeptonCoefficients c{rc(), rc(), rc(), rc(), rc(), rc()};
    CHECK(dalitz_width(c, 0, 0, m, me) == doctest::Approx(width_three_body(c, 0, 0, m, me)).epsilon(2e-3));
  }
  SUBCASE("dipole only (log-enhanced)") {
    FourLeptonCoefficients c{};
    const cplx AL = 0.3 * rc(), AR = 0.4 * rc();
    CHECK(dalitz_width(c, AL, AR, m, me) == doctest::Approx(width_three_body(c, AL, AR, m, me)).epsilon(2e-3));
  }
  SUBCASE("dipole-vector interference") {
    FourLeptonCoefficients c{rc(), rc(), rc(), rc(), 0, 0};
    const cplx AL = 3.0 * rc(), AR = 3.0 * rc();  // dipole ~ contact size so the interference matters
    const double num = dalitz_width(c, AL, AR, m, me), cf = width_three_body(c, AL, AR, m, me);
    const double no_int = width_three_body(c, 0, 0, m, me) + width_three_body(FourLeptonCoefficients{}, AL, AR, m, me);
    CHECK(std::abs(cf - no_int) > 0.05 * cf);  // the check is sensitive to the interference term
    CHECK(num == doctest::Approx(cf).epsilon(2e-3));
  }
}

TEST_CASE("Z penguin: UV poles and the scale cancel; it vanishes without eta-phi mixing") {
  // Re-evaluate FZ_L at two renormalisation scales with the PV functions directly: the pole
  // coefficients (C00 -> Delta/4, B1 -> -Delta/2) cancel by unitarity of U_H, so the result is
  // mu-independent; lepton_penguins uses mu^2 = M_N^2.
  const Model m(presets::paper_benchmark(0.6, 0.25));
  const auto s = lepton_sector(m);
  const auto p = lepton_penguins(s);
  const double M2 = s.M_N * s.M_N, sw2 = inputs::sm::sin2_theta_W;
  for (double mu2 : {1.0, 1e8}) {
    cplx fz = 0, pole = 0;
    for (int k = 0; k < 3; ++k) {
      const double mk2 = s.m_H(k) * s.m_H(k);
      fz += (-0.5 + sw2) * std::conj(s.cL(0, k)) * s.cL(1, k) * loop::zero::B1(M2, mk2, mu2);
      pole += (-0.5 + sw2) * std::conj(s.cL(0, k)) * s.cL(1, k) * (-0.5);
      for (int l = 0; l < 3; ++l) {
        fz += -2.0 * std::conj(s.cL(0, k)) * s.Z_HH(k, l) * s.cL(1, l) * loop::zero::C00(M2, mk2, s.m_H(l) * s.m_H(l), mu2);
        pole += -2.0 * std::conj(s.cL(0, k)) * s.Z_HH(k, l) * s.cL(1, l) * 0.25;
      }
    }
    fz /= 16 * pi * pi;
    // |pole| relative to the single terms: cancellation to rounding (terms O(1))
    CHECK(std::abs(pole) < 1e-14);
    // ln(mu2) changes of 18 between the two scales multiply |pole| ~ 1e-15: agreement to 1e-11 relative
    CHECK(std::abs(fz - p.FZ_L(0, 1)) < 1e-11 * std::abs(p.FZ_L(0, 1)) + 1e-17);
  }
  CHECK(std::abs(p.FZ_L(0, 1)) > 0.0);
  auto par = presets::paper_benchmark(0.6, 0.25);
  par.mu = Vector2c::Zero();
  const Model m0(par);
  const auto s0 = lepton_sector(m0);
  const auto p0 = lepton_penguins(s0);
  // without mixing Z charge is conserved along each scalar line: FZ = 0 up to rounding of the
  // O(1e-3) individual terms
  CHECK(std::abs(p0.FZ_L(0, 1)) < 1e-12 * std::abs(p.FZ_L(0, 1)) * 1e3);
  CHECK(std::abs(p0.FZ_L(0, 1)) < 1e-16);
}

TEST_CASE("mu-e conversion: dipole normalisation against the contact-photon limit") {
  // For a pure dipole, q^2 = -m_mu^2 photon exchange acts like a charge-radius term with
  // AND_eff = -A_R (docs/physics.md §5.6); with D ~ 8 e V^(p) (KKO, light nuclei) both routes
  // must agree to the accuracy of that relation (Al: 8 e V_p / D = 1.08, so 10%).
  const auto& Al = inputs::leptons::aluminium;
  LeptonDipoles d;
  d.A_R(0, 1) = cplx(1e-12, 0);
  LeptonPenguins p0;
  const double cr_dip = cr_mu_e(d, p0, Al);
  LeptonDipoles d0;
  LeptonPenguins p;
  p.AND_L(0, 1) = -d.A_R(0, 1);
  const double cr_contact = cr_mu_e(d0, p, Al);
  const double e = std::sqrt(4 * pi * inputs::sm::alpha_em_0);
  const double ratio = 8 * e * Al.V_p / Al.D;  // KKO's approximate relation, not exact
  CHECK(cr_contact / cr_dip == doctest::Approx(ratio * ratio).epsilon(1e-12));
  CHECK(std::abs(ratio - 1.0) < 0.1);
  // same sign: a dipole and the equivalent charge-radius term add up constructively
  LeptonDipoles d2 = d;
  const double both = cr_mu_e(d2, p, Al);
  CHECK(both > cr_dip);
  CHECK(both > cr_contact);
}

TEST_CASE("model level: LFV observables of the paper benchmark and predict_leptons consistency") {
  const Model m(presets::paper_benchmark(0.6, 0.25));
  const auto r = predict_leptons(m);
  CHECK(r.BR_mu_3e > 0.0);
  CHECK(r.BR_mu_3e == BRThreeBody{Lepton::mu, Lepton::e}(m));
  CHECK(r.CR_mu_e_Au == CRMuE{inputs::leptons::gold}(m));
  CHECK(r.BR_tau_3mu == BRThreeBody{Lepton::tau, Lepton::mu}(m));
  CHECK(BRThreeBody{}.name() == "BR(mu->3e)");
  CHECK(CRMuE{}.name() == "CR(mu-e,Al)");
  // the dipole dominates mu -> 3e here: BR(mu->3e)/BR(mu->e gamma) ~ alpha/(3 pi)(ln(m_mu^2/m_e^2) - 11/4)
  const double ratio_dipole = inputs::sm::alpha_em_0 / (3 * pi) * (2 * std::log(inputs::sm::m_mu / inputs::sm::m_e) - 11.0 / 4.0);
  CHECK(r.BR_mu_3e / r.BR_mu_e_gamma == doctest::Approx(ratio_dipole).epsilon(0.3));
}

TEST_CASE("kappa = mu = 0: photon non-dipole form factor equals Toma-Vicente's A_ND") {
  // Toma, Vicente JHEP 01 (2014) 160: A_ND = sum_a y*_beta,a y_alpha,a G2(x_a)/(6 (4pi)^2 m_a^2),
  // x_a = M_N^2/m_a^2, with G2 their charge-radius function (our penguin_G2p); here evaluated with
  // the Yukawas Y_N and the eta_a^+ masses found through U_H, vs lepton_penguins().AND_L.
  auto par = presets::paper_benchmark(0.6, 0.25);
  par.mu = Vector2c::Zero();
  par.kappa = Vector3c::Zero();
  const Model m(par);
  const auto s = lepton_sector(m);
  const auto p = lepton_penguins(s);
  const Matrix32c& Y = m.Y_N();
  for (auto [b, a] : {std::pair{0, 1}, std::pair{0, 2}, std::pair{1, 2}}) {
    cplx ref = 0;
    for (int eta = 0; eta < 2; ++eta)
      for (int k = 0; k < 3; ++k)
        if (std::abs(std::abs(m.spectrum().U_H(eta, k)) - 1.0) < 1e-12) {
          const double m2 = s.m_H(k) * s.m_H(k);
          ref += std::conj(Y(b, eta)) * Y(a, eta) * loop::penguin_G2p(s.M_N * s.M_N / m2) / (6 * std::pow(4 * pi, 2) * m2);
        }
    CHECK(std::abs(p.AND_L(b, a) - ref) < 1e-12 * std::abs(ref));
    CHECK(std::abs(p.AND_R(b, a)) == 0.0);
    CHECK(std::abs(p.FZ_L(b, a)) < 1e-15);  // no mixing: Z penguin vanishes at q^2 = 0
  }
}

// ============================================================================ reference: the
// per-mode evaluation of the general boxes as it was before the shared-table restructuring (commit
// 7027a59, lfv_four_lepton.hpp, verbatim up to names): every coupling product evaluated as a full
// (k, l) bilinear form with its own loop-matrix product, flavour maps on ChiralBasis. Kept here to
// check that the shared evaluation (pairing forms, α-vectors, one table for all final states) is a
// pure rearrangement of the same sums.
namespace reference {

using namespace darkloops;
using detail::leptons::inv16pi2;

inline ChiralBasis fierz(const ChiralBasis& x) noexcept {
  using B = ChiralBasis;
  ChiralBasis y;
  y[B::VLL] += x[B::VLL];
  y[B::VRR] += x[B::VRR];
  y[B::SRL] += -2.0 * x[B::VLR];
  y[B::SLR] += -2.0 * x[B::VRL];
  y[B::VRL] += -0.5 * x[B::SLR];
  y[B::VLR] += -0.5 * x[B::SRL];
  y[B::SLL] += -0.5 * x[B::SLL] - 6.0 * x[B::TLL];
  y[B::TLL] += -0.125 * x[B::SLL] + 0.5 * x[B::TLL];
  y[B::SRR] += -0.5 * x[B::SRR] - 6.0 * x[B::TRR];
  y[B::TRR] += -0.125 * x[B::SRR] + 0.5 * x[B::TRR];
  return y;
}

/// Exchange of the two bilinears: (ψ̄1 A ψ2)(ψ̄3 B ψ4) = (ψ̄3 B ψ4)(ψ̄1 A ψ2) (bosonic bilinears).
inline ChiralBasis swap_bilinears(const ChiralBasis& x) noexcept {
  using B = ChiralBasis;
  ChiralBasis y = x;
  y[B::VLR] = x[B::VRL];
  y[B::VRL] = x[B::VLR];
  y[B::SLR] = x[B::SRL];
  y[B::SRL] = x[B::SLR];
  return y;
}

/// Second bilinear conjugated: (ψ̄1 A ψ2)(ψ̄3^c B ψ4^c) = (ψ̄1 A ψ2)(ψ̄4 B' ψ3), B' = C Bᵀ C⁻¹:
/// γP_L → -γP_R, γP_R → -γP_L, P_X → P_X, σP_X → -σP_X.
inline ChiralBasis conjugate_second(const ChiralBasis& x) noexcept {
  using B = ChiralBasis;
  ChiralBasis y = x;
  y[B::VLL] = -x[B::VLR];
  y[B::VLR] = -x[B::VLL];
  y[B::VRL] = -x[B::VRR];
  y[B::VRR] = -x[B::VRL];
  y[B::TLL] = -x[B::TLL];
  y[B::TRR] = -x[B::TRR];
  return y;
}

/// Place a term in the pairing (p̄ q)(r̄ s) into the target pairing (β̄ α)(γ̄ δ): direct, swapped,
/// Fierzed, or swapped and Fierzed; the first rule whose flavours match is used (each term once).
inline void add_to_target(ChiralBasis& target, const ChiralBasis& term, int p, int q, int r, int s, int beta,
                          int alpha, int gamma, int delta) noexcept {
  if (p == beta && q == alpha && r == gamma && s == delta)
    target += term;
  else if (p == gamma && q == delta && r == beta && s == alpha)
    target += swap_bilinears(term);
  else if (p == beta && q == delta && r == gamma && s == alpha)
    target += fierz(term);
  else if (p == gamma && q == alpha && r == beta && s == delta)
    target += fierz(swap_bilinears(term));
}

struct PairTable {
  cplx w[2][2][3][3][3];
  const cplx* operator()(int X, int Y, int i, int j) const noexcept { return w[X][Y][i][j]; }
};
inline PairTable pair_table(const LeptonSector& s) noexcept {
  double re[2][3][3], im[2][3][3];  // [X][i][k], plain arrays (cL, cR are column-major 3×3)
  for (int i = 0; i < 3; ++i)
    for (int k = 0; k < 3; ++k) {
      re[0][i][k] = s.cL(i, k).real();
      im[0][i][k] = s.cL(i, k).imag();
      re[1][i][k] = s.cR(i, k).real();
      im[1][i][k] = s.cR(i, k).imag();
    }
  PairTable t;
  for (int X = 0; X < 2; ++X)
    for (int Y = X; Y < 2; ++Y)
      for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
          for (int k = 0; k < 3; ++k) {
            const double ar = re[X][i][k], ai = im[X][i][k], br = re[Y][j][k], bi = im[Y][j][k];
            const double wr = ar * br + ai * bi, wi = ar * bi - ai * br;
            t.w[X][Y][i][j][k] = cplx(wr, wi);
            t.w[Y][X][j][i][k] = cplx(wr, -wi);  // conj(Y_j) X_i = conj(conj(X_i) Y_j)
          }
  return t;
}

/// Σ_kl P_k D_kl Q_l for a real symmetric 3×3 D.
inline cplx bilinear(const double (&D)[3][3], const cplx* P, const cplx* Q) noexcept {
  double re = 0.0, im = 0.0;
  for (int k = 0; k < 3; ++k) {
    double qr = 0.0, qi = 0.0;
    for (int l = 0; l < 3; ++l) {
      qr += D[k][l] * Q[l].real();
      qi += D[k][l] * Q[l].imag();
    }
    re += P[k].real() * qr - P[k].imag() * qi;
    im += P[k].real() * qi + P[k].imag() * qr;
  }
  return {re, im};
}

ChiralBasis boxes_per_mode(int beta, int alpha, int gamma, int delta, double M_N,
                                             const detail::leptons::BoxTable& B,
                                             const PairTable& W) noexcept {
  using detail::leptons::inv16pi2;
  using Bs = ChiralBasis;
  constexpr int L = 0, R = 1;
  const double f = 0.5 * inv16pi2;  // 1/(32 π^2)
  double D1[3][3], D2[3][3], mD1[3][3];
  for (int k = 0; k < 3; ++k)
    for (int l = 0; l < 3; ++l) {
      D1[k][l] = f * B.d00[k][l];
      mD1[k][l] = -D1[k][l];
      D2[k][l] = f * M_N * M_N * B.d0[k][l];
    }
  ChiralBasis out;
  const int bars[2][2] = {{beta, gamma}, {gamma, beta}};
  const int fields[2][2] = {{alpha, delta}, {delta, alpha}};
  const int nbar = beta == gamma ? 1 : 2, nfield = alpha == delta ? 1 : 2;
  for (int ib = 0; ib < nbar; ++ib)
    for (int jf = 0; jf < nfield; ++jf) {
      const int mb = nbar == 2 ? 1 - ib : ib, mf = nfield == 2 ? 1 - jf : jf;  // the mirror assignment
      if (mb * 2 + mf < ib * 2 + jf) continue;                                  // evaluated with its mirror
      const double w = (mb == ib && mf == jf) ? 1.0 : 2.0;
      // ---- Dirac: [ā Γ̄_a^k (γ) Γ_b^l b][c̄ Γ̄_c^l (γ) Γ_d^k d], (a, c) = bars, (b, d) = fields:
      //      couplings factor as P_k = conj(X_a,k) Y_d,k and Q_l = conj(X'_c,l) Y'_b,l
      {
        const int a = bars[ib][0], c = bars[ib][1], b = fields[jf][0], d = fields[jf][1];
        ChiralBasis t;
        t[Bs::VLL] = bilinear(D1, W(L, L, a, d), W(L, L, c, b));
        t[Bs::VLR] = bilinear(D1, W(L, R, a, d), W(R, L, c, b));
        t[Bs::VRL] = bilinear(D1, W(R, L, a, d), W(L, R, c, b));
        t[Bs::VRR] = bilinear(D1, W(R, R, a, d), W(R, R, c, b));
        t[Bs::SRR] = bilinear(D2, W(L, R, a, d), W(L, R, c, b));
        t[Bs::SRL] = bilinear(D2, W(L, L, a, d), W(R, R, c, b));
        t[Bs::SLR] = bilinear(D2, W(R, R, a, d), W(L, L, c, b));
        t[Bs::SLL] = bilinear(D2, W(R, L, a, d), W(R, L, c, b));
        for (auto& x : t.c) x *= w;
        add_to_target(out, t, a, b, c, d, beta, alpha, gamma, delta);
      }
      // ---- crossed: [ā Γ̄_a^k (γ) Γ̄_b^l b^c][c̄^c Γ_c^k (γ) Γ_d^l d], (a, b) = bars, (c, d) = fields;
      // coefficient -D00 for the γ⊗γ part, +M^2 D0 for the rest; P_k = conj(X_a,k) Y_c,k,
      // Q_l = conj(X'_b,l) Y'_d,l. Fierz (ā d)(c̄^c b^c), then (c̄^c X b^c) = (b̄ X' c).
      {
        const int a = bars[ib][0], b = bars[ib][1], c = fields[jf][0], d = fields[jf][1];
        ChiralBasis t;
        t[Bs::VLL] = bilinear(mD1, W(L, R, a, c), W(R, L, b, d));
        t[Bs::VLR] = bilinear(mD1, W(L, L, a, c), W(R, R, b, d));
        t[Bs::VRL] = bilinear(mD1, W(R, R, a, c), W(L, L, b, d));
        t[Bs::VRR] = bilinear(mD1, W(R, L, a, c), W(L, R, b, d));
        t[Bs::SRL] = bilinear(D2, W(L, L, a, c), W(L, L, b, d));
        t[Bs::SRR] = bilinear(D2, W(L, R, a, c), W(L, R, b, d));
        t[Bs::SLL] = bilinear(D2, W(R, L, a, c), W(R, L, b, d));
        t[Bs::SLR] = bilinear(D2, W(R, R, a, c), W(R, R, b, d));
        for (auto& x : t.c) x *= w;
        const ChiralBasis u = conjugate_second(fierz(t));
        add_to_target(out, u, a, d, b, c, beta, alpha, gamma, delta);
      }
    }
  return out;
}

}  // namespace reference

// ============================================================================ mixed-flavour and
// Delta L_flavour = 2 modes (tau -> e mu mu, tau -> mu e e, tau -> e e mubar, tau -> mu mu ebar)
namespace {

using CB = ChiralBasis;

/// [ubar_a Gamma_X u_b][ubar_c Gamma'_Y v_d] for structure index i of ChiralBasis.
cplx chiral_element(int i, const dt::BarSpinor& a, const dt::Spinor& b, const dt::BarSpinor& c, const dt::Spinor& d) {
  const dt::Mat4 L = dt::PL(), R = dt::PR();
  switch (i) {
    case CB::VLL: return dt::vector_product(a, L, b, c, L, d);
    case CB::VLR: return dt::vector_product(a, L, b, c, R, d);
    case CB::VRL: return dt::vector_product(a, R, b, c, L, d);
    case CB::VRR: return dt::vector_product(a, R, b, c, R, d);
    case CB::SLL: return dt::bilinear_product(a, L, b, c, L, d);
    case CB::SLR: return dt::bilinear_product(a, L, b, c, R, d);
    case CB::SRL: return dt::bilinear_product(a, R, b, c, L, d);
    case CB::SRR: return dt::bilinear_product(a, R, b, c, R, d);
    default: {
      const dt::Mat4 P = i == CB::TLL ? L : R;
      cplx t = 0;
      for (int m = 0; m < 4; ++m)
        for (int n = 0; n < 4; ++n)
          t += dt::metric(m) * dt::metric(n) * dt::chain(a, dt::sigma(m, n) * P, b) * dt::chain(c, dt::sigma(m, n) * P, d);
      return t;
    }
  }
}

/// Sum of all box diagrams of l_alpha(p) -> l_beta(p1) l_gamma(p2) lbar_delta(p3) built with
/// Denner's fermion-flow rules, the flavours of the three final states kept apart (the mu -> 3e
/// test above uses it with beta = gamma = delta), in units of i/(16 pi^2).
cplx box_diagrams(const LeptonSector& s, const detail::leptons::BoxTable& B, int al, int be, int ga, int de,
                  const dt::Spinor& u, const dt::BarSpinor& u1, const dt::BarSpinor& u2, const dt::Spinor& v2,
                  const dt::Spinor& v3, const dt::BarSpinor& vb3) {
  auto G = [&](int f, int k) { return dt::Mat4(s.cL(f, k) * dt::PL() + s.cR(f, k) * dt::PR()); };
  auto Gb = [&](int f, int k) { return dt::Mat4(std::conj(s.cL(f, k)) * dt::PR() + std::conj(s.cR(f, k)) * dt::PL()); };
  const std::array<int, 4> ref{1, 0, 2, 3};
  cplx box = 0;
  for (int k = 0; k < 3; ++k)
    for (int l = 0; l < 3; ++l) {
      const dt::BoxIntegrals I{B.d0[k][l], B.d00[k][l]};
      // Dirac: chain A (f_i <- alpha) with H_l to the delta-bar vertex, chain B (f_j <- delta-bar)
      for (int perm = 0; perm < 2; ++perm) {
        const dt::BarSpinor& ui = perm == 0 ? u1 : u2;
        const dt::BarSpinor& uj = perm == 0 ? u2 : u1;
        const int fi = perm == 0 ? be : ga, fj = perm == 0 ? ga : be;
        const dt::FermionLine A{ui, Gb(fi, l), +1.0, s.M_N, G(al, k), u};
        const dt::FermionLine Bl{uj, Gb(fj, k), +1.0, s.M_N, G(de, l), v3};
        const std::array<int, 4> order = perm == 0 ? std::array<int, 4>{1, 0, 2, 3} : std::array<int, 4>{2, 0, 1, 3};
        box += double(dt::permutation_sign(order, ref)) * dt::two_line_box(A, Bl, I);
      }
      // Majorana-crossed: chain C = vbar3 G'_delta S G_alpha u, chain D = u1bar Gbar_beta S Gbar'_gamma v2
      const double sg = dt::permutation_sign(std::array<int, 4>{3, 0, 1, 2}, ref);
      const dt::FermionLine C{vb3, dt::reversed(G(de, l)), +1.0, s.M_N, G(al, k), u};
      const dt::FermionLine Da{u1, Gb(be, k), +1.0, s.M_N, dt::reversed(Gb(ga, l)), v2};
      const dt::FermionLine Db{u1, Gb(be, l), -1.0, s.M_N, dt::reversed(Gb(ga, k)), v2};
      box += sg * (dt::two_line_box(C, Da, I) + dt::two_line_box(C, Db, I));
    }
  return box;
}

}  // namespace

TEST_CASE("general four-lepton boxes: Denner-flow diagrams vs the chiral-basis coefficients (all four new modes)") {
  // tau(p) -> l_beta(p1) l_gamma(p2) lbar_delta(p3), random couplings with both chiralities.
  for (std::uint64_t seed : {5u, 6u}) {
    const LeptonSector s = random_sector(seed, 0.8);
    const auto B = detail::leptons::box_table(s);
    for (auto [be, ga, de] : {std::array<int, 3>{0, 1, 1}, std::array<int, 3>{1, 0, 0}, std::array<int, 3>{0, 0, 1},
                              std::array<int, 3>{1, 1, 0}}) {
      const int al = 2;
      const auto c = four_lepton_boxes_general(s, be, al, ga, de, B);
      dt::Random r(seed * 17 + static_cast<std::uint64_t>(be * 4 + de));
      for (int trial = 0; trial < 6; ++trial) {
        const double m = 1.0, me = 0.01;
        const auto p = r.momentum(m, 0.3), p1 = r.momentum(me, 0.4), p2 = r.momentum(me, 0.4), p3 = r.momentum(me, 0.4);
        const int h[4] = {trial % 2 ? 1 : -1, trial % 3 ? 1 : -1, trial % 4 < 2 ? 1 : -1, trial < 3 ? 1 : -1};
        const dt::Spinor u = dt::u_spinor(p, m, h[0]);
        const dt::BarSpinor u1 = dt::bar(dt::u_spinor(p1, me, h[1])), u2 = dt::bar(dt::u_spinor(p2, me, h[2]));
        const dt::Spinor v3 = dt::v_spinor(p3, me, h[3]), v2 = dt::v_spinor(p2, me, h[2]);
        const dt::BarSpinor vb3 = dt::bar(dt::u_spinor(p3, me, h[3]));
        const cplx diagrams = box_diagrams(s, B, al, be, ga, de, u, u1, u2, v2, v3, vb3) / (16 * pi * pi);
        cplx ops = 0;
        double scale = 0;
        if (be != ga) {  // distinct final leptons: one contraction
          for (int i = 0; i < CB::size; ++i) {
            const cplx t = c[i] * chiral_element(i, u1, u, u2, v3);
            ops += t;
            scale = std::max(scale, std::abs(t));
          }
        } else {  // identical l_beta: antisymmetrised element of the reduced coefficients
          const auto red = reduce_identical(c);
          ops = ops_amplitude(red, u1, u2, u, v3);
          for (int i = 0; i < CB::size; ++i)
            scale = std::max(scale, std::abs(c[i] * (chiral_element(i, u1, u, u2, v3) - chiral_element(i, u2, u, u1, v3))));
        }
        // exact algebra on both sides: agreement to rounding relative to the largest single term
        CHECK(std::abs(diagrams - ops) < 1e-11 * scale + 1e-25);
      }
    }
  }
}

TEST_CASE("general four-lepton boxes: shared-table evaluation equals the per-mode reference, all flavours") {
  // Same loop functions and couplings on both sides; only the order of the sums differs (the
  // reference contracts D with the second pair vector of every form, the shared path with the
  // alpha-pair, and sums Dirac and crossed terms through the same forms), so agreement to
  // rounding: 1e-13 of the largest coefficient of the mode (each coefficient is a sum of <= 8
  // products of <= 9 terms; double rounding ~1e-16 per operation).
  for (std::uint64_t seed : {12u, 13u, 14u}) {
    const LeptonSector s = random_sector(seed, seed == 12u ? 0.0 : 0.9);
    const auto B = detail::leptons::box_table(s);
    const auto W = reference::pair_table(s);
    for (int al = 0; al < 3; ++al) {
      const auto T = detail::leptons::general_box_table(s, B, al);  // every bar flavour
      for (int be = 0; be < 3; ++be)
        for (int ga = 0; ga < 3; ++ga)
          for (int de = 0; de < 3; ++de) {
            const ChiralBasis ref = reference::boxes_per_mode(be, al, ga, de, s.M_N, B, W);
            const ChiralBasis shared = four_lepton_boxes_general(be, ga, de, T);
            const ChiralBasis single = four_lepton_boxes_general(s, be, al, ga, de, B);  // own minimal table
            double scale = 0;
            for (int i = 0; i < CB::size; ++i) scale = std::max(scale, std::abs(ref[i]));
            REQUIRE(scale > 0.0);
            for (int i = 0; i < CB::size; ++i) {
              CHECK(std::abs(shared[i] - ref[i]) <= 1e-13 * scale);
              CHECK(shared[i] == single[i]);  // the table restricted to the needed bars: identical numbers
            }
          }
    }
  }
  // the four tau modes through tau_mixed_modes (one table, bars e and mu) against BRs assembled from
  // the reference coefficients with the same penguins and width formulas, at the paper benchmark
  const Model m(presets::paper_benchmark(0.6, 0.25));
  const auto s = lepton_sector(m);
  const auto d = lepton_dipoles(s);
  const auto p = lepton_penguins(s);
  const auto B = detail::leptons::box_table(s);
  const auto W = reference::pair_table(s);
  const auto tm = tau_mixed_modes(s, d, p, B);
  auto mixed = [&](int be, int ga) {
    ChiralBasis c = reference::boxes_per_mode(be, 2, ga, ga, s.M_N, B, W);
    add_penguins(c, p, be, 2);
    return width_three_body_distinct(c, d.A_L(be, 2), d.A_R(be, 2), s.m_lep(2), s.m_lep(ga)) *
           lepton_lifetime_per_GeV(2);
  };
  auto dl2 = [&](int be, int de) {
    const auto c = reduce_identical(reference::boxes_per_mode(be, 2, be, de, s.M_N, B, W));
    return width_three_body(c, 0.0, 0.0, s.m_lep(2), s.m_lep(be)) * lepton_lifetime_per_GeV(2);
  };
  // |C|^2 sums with cancellations between penguins and boxes: 1e-12 relative
  CHECK(tm.e_mumu == doctest::Approx(mixed(0, 1)).epsilon(1e-12));
  CHECK(tm.mu_ee == doctest::Approx(mixed(1, 0)).epsilon(1e-12));
  CHECK(tm.ee_mu == doctest::Approx(dl2(0, 1)).epsilon(1e-12));
  CHECK(tm.mumu_e == doctest::Approx(dl2(1, 0)).epsilon(1e-12));
}

TEST_CASE("general four-lepton boxes reduce to the identical-flavour coefficients (mu -> 3e, tau -> 3mu)") {
  // Independent bookkeeping: the literal flavour sum + Fierz map of four_lepton_boxes_general,
  // reduced with reduce_identical, against the hand-reduced four_lepton_boxes (itself checked at
  // amplitude level above). Same loop-function table: agreement to rounding.
  for (std::uint64_t seed : {8u, 9u}) {
    const LeptonSector s = random_sector(seed, 0.6);
    const auto B = detail::leptons::box_table(s);
    for (auto [be, al] : {std::pair{0, 1}, std::pair{1, 2}, std::pair{0, 2}}) {
      const auto ref = four_lepton_boxes(s, be, al, B);
      const auto red = reduce_identical(four_lepton_boxes_general(s, be, al, be, be, B));
      const double sc = std::abs(ref.V_LL) + std::abs(ref.V_LR) + std::abs(ref.S_LL) + std::abs(ref.S_RR);
      CHECK(std::abs(red.V_LL - ref.V_LL) < 1e-13 * sc);
      CHECK(std::abs(red.V_RR - ref.V_RR) < 1e-13 * sc);
      CHECK(std::abs(red.V_LR - ref.V_LR) < 1e-13 * sc);
      CHECK(std::abs(red.V_RL - ref.V_RL) < 1e-13 * sc);
      CHECK(std::abs(red.S_LL - ref.S_LL) < 1e-13 * sc);
      CHECK(std::abs(red.S_RR - ref.S_RR) < 1e-13 * sc);
    }
  }
}

namespace {

/// Spin-summed |M|^2 of l_alpha(p) -> l_beta(p1) l_gamma(p2) lbar_gamma(p3), beta != gamma (no
/// antisymmetrisation), for chiral-basis coefficients c of (beta-bar G alpha)(gamma-bar G' gamma)
/// and the dipoles A_L, A_R (photon attached to the gamma pair only), same conventions as msq().
double msq_distinct(const ChiralBasis& c, cplx AL, cplx AR, double m, double m1, double mg, const dt::FourMomentum& p,
                    const dt::FourMomentum& p1, const dt::FourMomentum& p2, const dt::FourMomentum& p3) {
  static const std::array<dt::Mat4, 4> g = {dt::gamma(0), dt::gamma(1), dt::gamma(2), dt::gamma(3)};
  static const dt::Mat4 P[2] = {dt::PL(), dt::PR()};
  static const auto sig = [] {
    std::array<std::array<dt::Mat4, 4>, 4> s;
    for (int a = 0; a < 4; ++a)
      for (int b = 0; b < 4; ++b) s[a][b] = dt::sigma(a, b);
    return s;
  }();
  const double e2 = 4 * pi * inputs::sm::alpha_em_0;
  dt::FourMomentum q;
  for (int i = 0; i < 4; ++i) q[i] = p1[i] - p[i];
  const double q2 = q[0] * q[0] - q[1] * q[1] - q[2] * q[2] - q[3] * q[3];
  std::array<dt::Mat4, 4> D;
  for (int mu = 0; mu < 4; ++mu) {
    dt::Mat4 sq = dt::Mat4::Zero();
    for (int nu = 0; nu < 4; ++nu) sq += sig[mu][nu] * (dt::metric(nu) * q[nu]);
    D[mu] = (e2 * m / q2) * sq * (AL * P[0] + AR * P[1]);
  }
  double sum = 0;
  for (int h0 : {-1, 1})
    for (int h1 : {-1, 1})
      for (int h2 : {-1, 1})
        for (int h3 : {-1, 1}) {
          const dt::Spinor u = dt::u_spinor(p, m, h0), v3 = dt::v_spinor(p3, mg, h3);
          const dt::BarSpinor u1 = dt::bar(dt::u_spinor(p1, m1, h1)), u2 = dt::bar(dt::u_spinor(p2, mg, h2));
          cplx amp = 0;
          for (int X = 0; X < 2; ++X) {
            const cplx s1 = dt::chain(u1, P[X], u);
            for (int Y = 0; Y < 2; ++Y) {
              cplx vv = 0;
              for (int mu = 0; mu < 4; ++mu)
                vv += dt::metric(mu) * dt::chain(u1, g[mu] * P[X], u) * dt::chain(u2, g[mu] * P[Y], v3);
              amp += cplx(0, 1) * (c[CB::VLL + 2 * X + Y] * vv + c[CB::SLL + 2 * X + Y] * s1 * dt::chain(u2, P[Y], v3));
            }
            cplx tt = 0;
            for (int a = 0; a < 4; ++a)
              for (int b = 0; b < 4; ++b)
                if (a != b)
                  tt += dt::metric(a) * dt::metric(b) * dt::chain(u1, sig[a][b] * P[X], u) * dt::chain(u2, sig[a][b] * P[X], v3);
            amp += cplx(0, 1) * c[CB::TLL + X] * tt;
          }
          for (int mu = 0; mu < 4; ++mu) amp += dt::metric(mu) * dt::chain(u1, D[mu], u) * dt::chain(u2, g[mu], v3);
          sum += std::norm(amp);
        }
  return sum;
}

/// Gamma = (1/(2m)) int dPhi_3 (1/2) sum |M|^2 = int ds12 ds23 |M|^2_avg / (256 pi^3 m^3), particle 1 of
/// mass m1, the pair (2, 3) of mass mg; log substitution in s23 for the photon pole.
double dalitz_width_distinct(const ChiralBasis& c, cplx AL, cplx AR, double m, double m1, double mg) {
  using boost::math::quadrature::gauss_kronrod;
  const double smin = 4 * mg * mg, smax = (m - m1) * (m - m1);
  auto inner = [&](double s23) {
    const double rs = std::sqrt(s23);
    const double E2s = rs / 2, E1s = (m * m - s23 - m1 * m1) / (2 * rs);
    const double p2s = std::sqrt(std::max(0.0, E2s * E2s - mg * mg)), p1s = std::sqrt(std::max(0.0, E1s * E1s - m1 * m1));
    const double lo = m1 * m1 + mg * mg + 2 * (E1s * E2s - p1s * p2s), hi = m1 * m1 + mg * mg + 2 * (E1s * E2s + p1s * p2s);
    return gauss_kronrod<double, 31>::integrate(
        [&](double s12) {
          const double s13 = m * m + m1 * m1 + 2 * mg * mg - s12 - s23;
          const double E1 = (m * m + m1 * m1 - s23) / (2 * m), E3 = (m * m + mg * mg - s12) / (2 * m);
          const double P1 = std::sqrt(std::max(0.0, E1 * E1 - m1 * m1)), P3 = std::sqrt(std::max(0.0, E3 * E3 - mg * mg));
          const double ct = std::clamp((m1 * m1 + mg * mg + 2 * E1 * E3 - s13) / (2 * P1 * P3), -1.0, 1.0);
          const double st = std::sqrt(1 - ct * ct);
          const double n1[3] = {0.3, 0.4, std::sqrt(0.75)}, w[3] = {-0.8, 0.6, 0.0};  // unit, orthogonal
          const dt::FourMomentum pp{m, 0, 0, 0};
          const dt::FourMomentum p1{E1, P1 * n1[0], P1 * n1[1], P1 * n1[2]};
          const dt::FourMomentum p3{E3, P3 * (ct * n1[0] + st * w[0]), P3 * (ct * n1[1] + st * w[1]), P3 * (ct * n1[2] + st * w[2])};
          const dt::FourMomentum p2{m - E1 - E3, -p1[1] - p3[1], -p1[2] - p3[2], -p1[3] - p3[3]};
          return 0.5 * msq_distinct(c, AL, AR, m, m1, mg, pp, p1, p2, p3);
        },
        lo, hi, 4, 1e-6);
  };
  const double I = gauss_kronrod<double, 31>::integrate([&](double t) { const double s23 = std::exp(t); return s23 * inner(s23); },
                                                         std::log(smin), std::log(smax), 5, 1e-6);
  return I / (256 * std::pow(pi, 3) * m * m * m);
}

}  // namespace

TEST_CASE("distinct-flavour three-body width vs numerical Dalitz integration with explicit spinors" *
          doctest::skip(kSanitized)) {
  // m = 1, final masses m_e/m_mu: O(m^2) corrections ~2e-5 to the contact terms and O(m^2 ln) to the
  // dipole constant; tolerance 2e-3 (quadrature tolerance 1e-6) as for the identical-particle case.
  const double m = 1.0, ml = inputs::sm::m_e / inputs::sm::m_mu;
  dt::Random r(11);
  auto rc = [&] { return r.complex_unit_disk(1.0); };
  SUBCASE("all ten contact structures (vector, scalar, tensor, S-T interference integrates to zero)") {
    ChiralBasis c;
    for (int i = 0; i < CB::size; ++i) c[i] = rc();
    CHECK(dalitz_width_distinct(c, 0, 0, m, ml, ml) == doctest::Approx(width_three_body_distinct(c, 0, 0, m, ml)).epsilon(2e-3));
  }
  SUBCASE("dipole (ln(m^2/m_pair^2) - 3) and dipole-vector interference") {
    ChiralBasis c;
    for (int i : {CB::VLL, CB::VLR, CB::VRL, CB::VRR}) c[i] = rc();
    const cplx AL = 3.0 * rc(), AR = 3.0 * rc();
    const double num = dalitz_width_distinct(c, AL, AR, m, ml, ml), cf = width_three_body_distinct(c, AL, AR, m, ml);
    const double no_int = width_three_body_distinct(c, 0, 0, m, ml) + width_three_body_distinct(ChiralBasis{}, AL, AR, m, ml);
    CHECK(std::abs(cf - no_int) > 0.05 * cf);  // sensitive to the interference term
    CHECK(num == doctest::Approx(cf).epsilon(2e-3));
    // pure dipole: the distinct-pair constant -24 (ln - 3), not the identical-particle -22
    const double dnum = dalitz_width_distinct(ChiralBasis{}, AL, AR, m, ml, ml);
    CHECK(dnum == doctest::Approx(width_three_body_distinct(ChiralBasis{}, AL, AR, m, ml)).epsilon(2e-3));
  }
}

TEST_CASE("tau -> l l' l' and Delta L = 2 modes: limits and model-level consistency") {
  const Model m(presets::paper_benchmark(0.6, 0.25));
  const auto s = lepton_sector(m);
  const auto d = lepton_dipoles(s);
  const auto p = lepton_penguins(s);
  const auto B = detail::leptons::box_table(s);
  // Pure-dipole limit: BR(tau -> e mu mu)/BR(tau -> e gamma) = (alpha/3pi)(ln(m_tau^2/m_mu^2) - 3) when the
  // contact terms are switched off (independent closed form of the virtual-photon spectrum, docs §5.9).
  const double rd = width_three_body_distinct(ChiralBasis{}, d.A_L(0, 2), d.A_R(0, 2), s.m_lep(2), s.m_lep(1)) /
                    width_radiative(d, s, 0, 2);
  CHECK(rd == doctest::Approx(inputs::sm::alpha_em_0 / (3 * pi) * (2 * std::log(s.m_lep(2) / s.m_lep(1)) - 3)).epsilon(1e-12));
  // observables vs the free functions
  const double emm = BRThreeBodyMixed{Lepton::tau, Lepton::e, Lepton::mu}(m);
  CHECK(emm == br_three_body_mixed(s, d, p, 0, 2, 1, B));
  CHECK(emm > 0.0);
  const double mee = BRThreeBodyMixed{Lepton::tau, Lepton::mu, Lepton::e}(m);
  CHECK(mee > 0.0);
  const double eem = BRThreeBodyDL2{Lepton::tau, Lepton::e, Lepton::mu}(m);
  const double mme = BRThreeBodyDL2{Lepton::tau, Lepton::mu, Lepton::e}(m);
  CHECK(eem == br_three_body_dl2(s, 0, 2, 1, B));
  CHECK(eem > 0.0);
  CHECK(mme > 0.0);
  const auto pr = predict_leptons(m);  // the one-pass evaluation agrees with the functors
  CHECK(pr.BR_tau_e_mumu == emm);
  CHECK(pr.BR_tau_mu_ee == mee);
  CHECK(pr.BR_tau_ee_mu == eem);
  CHECK(pr.BR_tau_mumu_e == mme);
  CHECK(BRThreeBodyMixed{}.name() == "BR(tau->e-mu+mu-)");
  CHECK(BRThreeBodyDL2{}.name() == "BR(tau->e-e-mu+)");
  CHECK_THROWS_AS((BRThreeBodyMixed{Lepton::tau, Lepton::mu, Lepton::mu}(m)), invalid_input);
  CHECK_THROWS_AS((BRThreeBodyDL2{Lepton::mu, Lepton::e, Lepton::tau}(m)), invalid_input);
  // Delta L = 2 needs two lepton-flavour changes in one box: with cL, cR of the electron set to zero
  // tau -> e e mubar and tau -> mu mu ebar vanish exactly, while tau -> mu mu mu does not.
  LeptonSector s0 = s;
  s0.cL.row(0).setZero();
  s0.cR.row(0).setZero();
  const auto B0 = detail::leptons::box_table(s0);
  CHECK(br_three_body_dl2(s0, 0, 2, 1, B0) == 0.0);
  CHECK(br_three_body_dl2(s0, 1, 2, 0, B0) == 0.0);
  CHECK(br_three_body(s0, lepton_dipoles(s0), lepton_penguins(s0), 1, 2, B0) > 0.0);
  MESSAGE("benchmark: BR(tau->e-mu+mu-) = " << emm << ", BR(tau->mu-e+e-) = " << mee << ", BR(tau->e-e-mu+) = " << eem
                                            << ", BR(tau->mu-mu-e+) = " << mme);
}

TEST_CASE("mu-e conversion quark boxes: Denner-flow diagrams of mu q -> e q vs the coefficients") {
  // mu(p) q(k) -> e(p') q(k'): two boxes per H_k with N, N, H_k, S_q — direct (lines mu -> N -> q',
  // q -> N -> e) and Majorana-crossed (lines mu -> N <- q, q' <- N -> e) — built from explicit spinors;
  // the reference order of the operator element [ubar_e G u_mu][ubar_q' G' u_q] is (e, mu, q', q).
  enum { E = 0, MU = 1, QO = 2, QI = 3 };
  const std::array<int, 4> ref{E, MU, QO, QI};
  const dt::Mat4 Cc = dt::charge_conjugation();
  for (std::uint64_t seed : {31u, 32u}) {
    const LeptonSector s = random_sector(seed, 0.8);
    dt::Random r(seed + 100);
    const cplx y = r.complex_unit_disk(1.0);
    const double mS = r.uniform(500.0, 1500.0), M2 = s.M_N * s.M_N;
    // as the u-quark box (S^{2/3}); the d-quark one is the same function with other inputs
    const MuEQuarkBoxes bx = mu_e_quark_boxes(s, y, 0.0, mS, mS);
    CHECK(bx.CL_d == 0.0);
    const cplx XL = 2.0 * bx.CL_u, XR = 2.0 * bx.CR_u;  // chiral (qbar gamma P_L q) coefficients
    for (int trial = 0; trial < 8; ++trial) {
      const int h[4] = {trial % 2 ? 1 : -1, trial % 4 < 2 ? 1 : -1, trial < 4 ? 1 : -1, trial % 3 ? 1 : -1};
      const auto pm = r.momentum(0.1, 0.3), pe = r.momentum(0.001, 0.3), kq = r.momentum(0.3, 0.3), kq2 = r.momentum(0.3, 0.3);
      const dt::Spinor u_mu = dt::u_spinor(pm, 0.1, h[0]), u_q = dt::u_spinor(kq, 0.3, h[2]);
      const dt::BarSpinor ub_e = dt::bar(dt::u_spinor(pe, 0.001, h[1])), ub_q2 = dt::bar(dt::u_spinor(kq2, 0.3, h[3]));
      const dt::BarSpinor vb_q = (Cc.inverse() * u_q).transpose();  // Denner: u = C vbar^T
      const dt::Spinor v_q2 = dt::v_spinor(kq2, 0.3, h[3]);          // v = C ubar^T
      cplx box = 0;
      for (int k = 0; k < 3; ++k) {
        const double mk2 = s.m_H(k) * s.m_H(k);
        const dt::BoxIntegrals I{loop::zero::D0(M2, M2, mS * mS, mk2), loop::zero::D00(M2, M2, mS * mS, mk2)};
        const dt::Mat4 G_mu = s.cL(1, k) * dt::PL() + s.cR(1, k) * dt::PR();                        // Nbar(..)mu H+
        const dt::Mat4 Gb_e = std::conj(s.cL(0, k)) * dt::PR() + std::conj(s.cR(0, k)) * dt::PL();  // ebar(..)N H-
        const dt::Mat4 Vq_out = y * dt::PR();             // qbar P_R N S
        const dt::Mat4 Vq_in = std::conj(y) * dt::PL();   // Nbar P_L q S^*
        const dt::FermionLine D1{ub_q2, Vq_out, +1.0, s.M_N, G_mu, u_mu};
        const dt::FermionLine D2{ub_e, Gb_e, +1.0, s.M_N, Vq_in, u_q};
        box += double(dt::permutation_sign(std::array<int, 4>{QO, MU, E, QI}, ref)) * dt::two_line_box(D1, D2, I);
        const dt::FermionLine X1{vb_q, dt::reversed(Vq_in), +1.0, s.M_N, G_mu, u_mu};
        const dt::FermionLine X2{ub_e, Gb_e, +1.0, s.M_N, dt::reversed(Vq_out), v_q2};
        box += double(dt::permutation_sign(std::array<int, 4>{QI, MU, E, QO}, ref)) * dt::two_line_box(X1, X2, I);
      }
      const cplx diagrams = box / (16 * pi * pi);
      const cplx eL = dt::vector_product(ub_e, dt::PL(), u_mu, ub_q2, dt::PL(), u_q);
      const cplx eR = dt::vector_product(ub_e, dt::PR(), u_mu, ub_q2, dt::PL(), u_q);
      const cplx ops = XL * eL + XR * eR;
      const double scale = std::abs(XL * eL) + std::abs(XR * eR);
      // exact algebra: rounding only
      CHECK(std::abs(diagrams - ops) < 1e-11 * scale + 1e-25);
    }
  }
}

TEST_CASE("mu-e conversion quark boxes: lepton <-> quark exchange symmetry of the b->s box function") {
  // The same box read with the lepton line as the 'quark' pair and the quark line as the 'lepton'
  // pair of bsll::semileptonic_box: y_s y_b^* -> cL*_ek cL_muk, a^* a -> |y|^2, and the scalar masses
  // exchanged in B(M^2; m1^2, m2^2). Agreement to rounding tests the mapping and the symmetry of B.
  const LeptonSector s = random_sector(41, 0.5);
  dt::Random r(42);
  const cplx y = r.complex_unit_disk(1.0);
  const double mS = 900.0, M2 = s.M_N * s.M_N;
  const MuEQuarkBoxes bx = mu_e_quark_boxes(s, 0.0, y, mS, mS);
  cplx XL = 0, XR = 0;
  for (int k = 0; k < 3; ++k) {
    Eigen::Matrix<double, 1, 1> Bk;
    Bk(0) = bsll::majorana_box(M2, s.m_H(k) * s.m_H(k), mS * mS);
    Eigen::Matrix<cplx, 1, 1> a;
    a(0) = std::conj(y);
    XL += bsll::semileptonic_box(std::conj(s.cL(0, k)), std::conj(s.cL(1, k)), a, a, a, a, Bk).X_L;
    XR -= bsll::semileptonic_box(std::conj(s.cR(0, k)), std::conj(s.cR(1, k)), a, a, a, a, Bk).X_L;
  }
  CHECK(std::abs(2.0 * bx.CL_d - XL) < 1e-13 * std::abs(XL));
  CHECK(std::abs(2.0 * bx.CR_d - XR) < 1e-13 * std::abs(XR));
  CHECK(bx.CL_u == 0.0);
}

TEST_CASE("mu-e conversion: quark boxes at the paper benchmark and with Y_S = 0") {
  const Model m(presets::paper_benchmark(0.6, 0.25));
  const auto s = lepton_sector(m);
  const auto d = lepton_dipoles(s);
  const auto p = lepton_penguins(s);
  const auto bx = mu_e_quark_boxes(m, s);
  CHECK(bx.CL_d == 0.0);                  // (Y_S)_1 = 0 in the paper's texture: no S^{-1/3} d coupling
  CHECK(std::abs(bx.CL_u) > 0.0);         // but y_u = (V_CKM Y_S)_u != 0
  for (const auto& n : {inputs::leptons::aluminium, inputs::leptons::titanium, inputs::leptons::gold}) {
    const double with = cr_mu_e(d, p, n, bx), without = cr_mu_e(d, p, n);
    CHECK(CRMuE{n}(m) == with);
    CHECK(with != without);
    MESSAGE(std::string(n.name) << ": CR = " << with << " (without quark boxes " << without << ")");
  }
  // the alternative KKO table (docs/validation.md): at the benchmark the dipole dominates, so the rates
  // scale like D^2 (same capture rates) up to the small V terms (<10% here)
  for (auto [t1, t2] : {std::pair{inputs::leptons::aluminium, inputs::leptons::aluminium_kko_table2},
                        std::pair{inputs::leptons::gold, inputs::leptons::gold_kko_table2}}) {
    const double r12 = cr_mu_e(d, p, t2, bx) / cr_mu_e(d, p, t1, bx);
    CHECK(r12 == doctest::Approx(std::pow(t2.D / t1.D, 2)).epsilon(0.1));
    MESSAGE(std::string(t2.name) << ": CR = " << cr_mu_e(d, p, t2, bx) << ", ratio to Table I " << r12);
  }
  auto par = presets::paper_benchmark(0.6, 0.25);
  par.Y_S = Vector3c::Zero();
  const Model m0(par);
  const auto b0 = mu_e_quark_boxes(m0, lepton_sector(m0));
  CHECK(b0.CL_u == 0.0);
  CHECK(b0.CR_u == 0.0);
}
