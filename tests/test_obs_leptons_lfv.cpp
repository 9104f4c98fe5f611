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

}  // namespace

TEST_CASE("four-lepton boxes: Denner-flow diagrams with explicit spinors vs the Fierzed coefficients") {
  // mu(p) -> e(p1) e(p2) e+(p3); loop integrals at zero external momenta, spinors on shell.
  // Amplitude = (i/16pi^2) sum_diagrams sign x two_line_box; operators: i sum_i C_i <O_i>.
  for (double crs : {0.0, 0.7}) {
    const LeptonSector s = random_sector(crs == 0.0 ? 3 : 4, crs);
    const int al = 1, be = 0;  // mu -> 3e
    const auto c = four_lepton_boxes(s, be, al);
    const auto B = detail::leptons::box_table(s);
    auto G = [&](int f, int k) { return dt::Mat4(s.cL(f, k) * dt::PL() + s.cR(f, k) * dt::PR()); };
    auto Gb = [&](int f, int k) { return dt::Mat4(std::conj(s.cL(f, k)) * dt::PR() + std::conj(s.cR(f, k)) * dt::PL()); };
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
      const std::array<int, 4> ref{1, 0, 2, 3};
      cplx box = 0;
      for (int k = 0; k < 3; ++k)
        for (int l = 0; l < 3; ++l) {
          const dt::BoxIntegrals I{B.d0[k][l], B.d00[k][l]};
          // Dirac boxes: chain A (e_i <- mu), chain B (e_j <- e+), H_k: mu-vertex <-> e_j, H_l: e3 <-> e_i
          for (int perm = 0; perm < 2; ++perm) {
            const dt::BarSpinor& ui = perm == 0 ? u1 : u2;
            const dt::BarSpinor& uj = perm == 0 ? u2 : u1;
            const dt::FermionLine A{ui, Gb(be, l), +1.0, s.M_N, G(al, k), u};
            const dt::FermionLine Bl{uj, Gb(be, k), +1.0, s.M_N, G(be, l), v3};
            const std::array<int, 4> order = perm == 0 ? std::array<int, 4>{1, 0, 2, 3} : std::array<int, 4>{2, 0, 1, 3};
            box += double(dt::permutation_sign(order, ref)) * dt::two_line_box(A, Bl, I);
          }
          // Crossed boxes: chain C = vbar3 Gamma'_e S Gamma_mu u (flow mu -> e3),
          // chain D = u1bar Gbar_e S Gbar'_e v2 (flow e2 -> e1); H_k from the mu vertex to e1 (s_D = +1)
          // or to e2 (s_D = -1).
          const std::array<int, 4> order{3, 0, 1, 2};
          const double sg = dt::permutation_sign(order, ref);
          const dt::FermionLine C{vb3, dt::reversed(G(be, l)), +1.0, s.M_N, G(al, k), u};
          const dt::FermionLine Da{u1, Gb(be, k), +1.0, s.M_N, dt::reversed(Gb(be, l)), v2};
          const dt::FermionLine Db{u1, Gb(be, l), -1.0, s.M_N, dt::reversed(Gb(be, k)), v2};
          box += sg * (dt::two_line_box(C, Da, I) + dt::two_line_box(C, Db, I));
        }
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
