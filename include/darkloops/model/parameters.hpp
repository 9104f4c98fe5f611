// SPDX-License-Identifier: MIT
// Model inputs of [P] eqs. (4),(5) plus what the paper leaves implicit (docs/physics.md §3 M1).
// An aggregate value type in GeV with a named-vector round trip for fitters and scanners.
#pragma once

#include <Eigen/Dense>
#include <cmath>
#include <complex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "darkloops/core/error.hpp"
#include "darkloops/core/types.hpp"
#include "darkloops/model/oscillation.hpp"

namespace darkloops {

/// All inputs of a model point. Defaults: a trivially valid point with every new coupling zero
/// and Y_N set directly (casas_ibarra = false). The paper's benchmark is presets::paper_benchmark().
///
/// Index conventions (0-based in the members, 1-based in the names): Y_N(alpha, a) with
/// alpha = e, mu, tau and a = eta_1, eta_2; Y_S(i) with i = d, s, b (down-quark mass basis);
/// kappa(alpha). Masses are Lagrangian mass parameters (not squared), all > 0:
///   m_eta0(a)  : neutral eta_a^0 mass at lambda5 = 0 (contains lambda3 + lambda4 terms),
///   m_etapm(a) : eta_a^+ diagonal mass before eta–phi mixing (contains lambda3);
///                m_etapm^2 - m_eta0^2 = -lambda4 v^2/2, so m_etapm > m_eta0 means lambda4 < 0,
///   m_phi      : phi^+ diagonal mass before mixing.
///
/// Y_N comes from Casas–Ibarra ([P] eqs. (7),(8)) when casas_ibarra is true (then the member
/// Y_N is ignored) and is taken from the member Y_N otherwise. set("Y_N_..", v) switches
/// Casas–Ibarra off; from_vector() restores the flag from its own entry.
struct Parameters {
  double M_N = 1000.0;   ///< Majorana mass of N [GeV]
  double m_S_d = 1000.0; ///< mass of S^{-1/3} [GeV]
  double m_S_u = 1000.0; ///< mass of S^{2/3} [GeV]
  Vector2d m_eta0{550.0, 550.0};   ///< neutral eta_a mass parameters [GeV] (lambda5-independent)
  Vector2d m_etapm{550.0, 550.0};  ///< charged eta_a^+ mass parameters [GeV]
  double m_phi = 1000.0;           ///< phi^+ mass parameter [GeV]
  Vector2c mu{cplx(0.0), cplx(0.0)};  ///< trilinear mu_a H eta_a phi [GeV], [P] eq. (5)
  Matrix2d lambda5 = Matrix2d::Zero();  ///< (lambda5/2)(H^dag eta)^2, real symmetric, [P] eq. (5)
  Matrix32c Y_N = Matrix32c::Zero();    ///< Y_N(alpha,a), used only when casas_ibarra == false
  Vector3c Y_S = Vector3c::Zero();      ///< Y_S(i) qbar_L,i S N
  Vector3c kappa = Vector3c::Zero();    ///< kappa_alpha N^c-bar e_R,alpha phi^dag

  bool casas_ibarra = false;  ///< Y_N from [P] eq. (7) (true) or from the member Y_N (false)
  double sin_theta = 0.0;     ///< Casas–Ibarra angle: theta = asin(sin_theta) + i theta_im, [P] eq. (8)
  double theta_im = 0.0;      ///< imaginary part of theta
  OscillationData oscillation{};  ///< oscillation inputs for Casas–Ibarra (ordering included)
  /// Optional general 2x3 R replacing the theta form; must satisfy B^T B = 1 for the block B of
  /// its massive columns (NO: columns 2,3; IO: columns 1,2). Not part of the named vector.
  std::optional<Matrix23c> R_custom{};

  /// theta as a complex number.
  cplx theta() const { return cplx(std::asin(sin_theta), theta_im); }

  // ---- named-vector interface (names are stable; see docs/physics.md §3 M1) ----
  static std::vector<std::string> names();
  static std::vector<std::string> units();
  /// Alias names accepted by set()/get() besides names(): m_S (both S masses), m_eta_1, m_eta_2
  /// (neutral and charged parameter of one generation), m_eta (all four), m_etapm (both charged),
  /// m_eta0 (both neutral), lambda5 (lambda5 = value * 1), lambda5_21 (= lambda5_12),
  /// mu (mu_1 = -mu_2 = value, real).
  static std::vector<std::string> aliases();
  Eigen::VectorXd to_vector() const;
  /// Inverse of to_vector(); members outside the vector (R_custom) are taken from base.
  static Parameters from_vector(const Eigen::VectorXd& v, const Parameters& base);
  static Parameters from_vector(const Eigen::VectorXd& v);
  /// Set one parameter by (alias) name; throws invalid_input for an unknown name. Setting any
  /// Y_N entry switches casas_ibarra off.
  void set(std::string_view name, double value);
  double get(std::string_view name) const;
  static bool has(std::string_view name);
};

namespace detail {

inline double& re_part(cplx& z) { return reinterpret_cast<double(&)[2]>(z)[0]; }
inline double& im_part(cplx& z) { return reinterpret_cast<double(&)[2]>(z)[1]; }

inline double param_as_double(double x) { return x; }
inline double param_as_double(bool x) { return x ? 1.0 : 0.0; }
inline double param_as_double(Ordering x) { return x == Ordering::inverted ? 1.0 : 0.0; }
inline void param_assign(double& r, double x) { r = x; }
inline void param_assign(bool& r, double x) { r = (x != 0.0); }
inline void param_assign(Ordering& r, double x) { r = (x != 0.0) ? Ordering::inverted : Ordering::normal; }

/// Calls f(name, unit, ref) for every named entry, in the stable order of names().
template <class F>
void visit_parameters(Parameters& p, F&& f) {
  static const char* const gen[3] = {"1", "2", "3"};
  f(std::string("M_N"), "GeV", p.M_N);
  f(std::string("m_S_d"), "GeV", p.m_S_d);
  f(std::string("m_S_u"), "GeV", p.m_S_u);
  for (int a = 0; a < 2; ++a) f(std::string("m_eta0_") + gen[a], "GeV", p.m_eta0(a));
  for (int a = 0; a < 2; ++a) f(std::string("m_etapm_") + gen[a], "GeV", p.m_etapm(a));
  f(std::string("m_phi"), "GeV", p.m_phi);
  for (int a = 0; a < 2; ++a) {
    f(std::string("mu_") + gen[a] + "_re", "GeV", re_part(p.mu(a)));
    f(std::string("mu_") + gen[a] + "_im", "GeV", im_part(p.mu(a)));
  }
  f(std::string("lambda5_11"), "1", p.lambda5(0, 0));
  f(std::string("lambda5_12"), "1", p.lambda5(0, 1));
  f(std::string("lambda5_22"), "1", p.lambda5(1, 1));
  f(std::string("casas_ibarra"), "flag", p.casas_ibarra);
  for (int al = 0; al < 3; ++al)
    for (int a = 0; a < 2; ++a) {
      const std::string base = std::string("Y_N_") + gen[al] + gen[a];
      f(base + "_re", "1", re_part(p.Y_N(al, a)));
      f(base + "_im", "1", im_part(p.Y_N(al, a)));
    }
  for (int i = 0; i < 3; ++i) {
    f(std::string("Y_S_") + gen[i] + "_re", "1", re_part(p.Y_S(i)));
    f(std::string("Y_S_") + gen[i] + "_im", "1", im_part(p.Y_S(i)));
  }
  for (int i = 0; i < 3; ++i) {
    f(std::string("kappa_") + gen[i] + "_re", "1", re_part(p.kappa(i)));
    f(std::string("kappa_") + gen[i] + "_im", "1", im_part(p.kappa(i)));
  }
  f(std::string("sin_theta"), "1", p.sin_theta);
  f(std::string("theta_im"), "1", p.theta_im);
  f(std::string("ordering"), "flag", p.oscillation.ordering);
  f(std::string("dm21_sq"), "eV^2", p.oscillation.dm21_sq_eV2);
  f(std::string("dm3l_sq"), "eV^2", p.oscillation.dm3l_sq_eV2);
  f(std::string("sin2_theta12"), "1", p.oscillation.sin2_theta12);
  f(std::string("sin2_theta23"), "1", p.oscillation.sin2_theta23);
  f(std::string("sin2_theta13"), "1", p.oscillation.sin2_theta13);
  f(std::string("delta_cp"), "rad", p.oscillation.delta_cp);
  f(std::string("alpha21"), "rad", p.oscillation.alpha21);
  f(std::string("alpha31"), "rad", p.oscillation.alpha31);
}

}  // namespace detail

inline std::vector<std::string> Parameters::names() {
  std::vector<std::string> out;
  Parameters p;
  detail::visit_parameters(p, [&](std::string n, const char*, auto&) { out.push_back(std::move(n)); });
  return out;
}

inline std::vector<std::string> Parameters::units() {
  std::vector<std::string> out;
  Parameters p;
  detail::visit_parameters(p, [&](const std::string&, const char* u, auto&) { out.emplace_back(u); });
  return out;
}

inline std::vector<std::string> Parameters::aliases() {
  return {"m_S", "m_eta", "m_eta_1", "m_eta_2", "m_eta0", "m_etapm", "lambda5", "lambda5_21", "mu"};
}

inline Eigen::VectorXd Parameters::to_vector() const {
  std::vector<double> out;
  Parameters p = *this;
  detail::visit_parameters(p, [&](const std::string&, const char*, auto& r) {
    out.push_back(detail::param_as_double(r));
  });
  return Eigen::Map<Eigen::VectorXd>(out.data(), static_cast<Eigen::Index>(out.size()));
}

inline Parameters Parameters::from_vector(const Eigen::VectorXd& v, const Parameters& base) {
  Parameters p = base;
  Eigen::Index n = 0;
  detail::visit_parameters(p, [&](const std::string&, const char*, auto&) { ++n; });
  if (v.size() != n)
    throw invalid_input("vector size", v.size(), "Parameters::from_vector expects " + std::to_string(n) + " entries");
  Eigen::Index i = 0;
  detail::visit_parameters(p, [&](const std::string&, const char*, auto& r) { detail::param_assign(r, v(i++)); });
  p.lambda5(1, 0) = p.lambda5(0, 1);
  return p;
}

inline Parameters Parameters::from_vector(const Eigen::VectorXd& v) { return from_vector(v, Parameters{}); }

inline bool Parameters::has(std::string_view name) {
  for (const auto& a : aliases())
    if (a == name) return true;
  for (const auto& n : names())
    if (n == name) return true;
  return false;
}

inline void Parameters::set(std::string_view name, double value) {
  if (name == "m_S") { m_S_d = m_S_u = value; return; }
  if (name == "m_eta") { m_eta0.setConstant(value); m_etapm.setConstant(value); return; }
  if (name == "m_eta_1") { m_eta0(0) = m_etapm(0) = value; return; }
  if (name == "m_eta_2") { m_eta0(1) = m_etapm(1) = value; return; }
  if (name == "m_eta0") { m_eta0.setConstant(value); return; }
  if (name == "m_etapm") { m_etapm.setConstant(value); return; }
  if (name == "lambda5") { lambda5 = value * Matrix2d::Identity(); return; }
  if (name == "lambda5_12" || name == "lambda5_21") { lambda5(0, 1) = lambda5(1, 0) = value; return; }
  if (name == "mu") { mu = Vector2c(cplx(value), cplx(-value)); return; }
  bool found = false;
  detail::visit_parameters(*this, [&](const std::string& n, const char*, auto& r) {
    if (!found && n == name) {
      detail::param_assign(r, value);
      found = true;
    }
  });
  if (!found) throw invalid_input(std::string(name), value, "unknown parameter name (see Parameters::names())");
  if (name.substr(0, 4) == "Y_N_") casas_ibarra = false;
}

inline double Parameters::get(std::string_view name) const {
  if (name == "m_S") return m_S_d;
  if (name == "m_eta" || name == "m_eta_1" || name == "m_eta0") return m_eta0(0);
  if (name == "m_eta_2") return m_eta0(1);
  if (name == "m_etapm") return m_etapm(0);
  if (name == "lambda5") return lambda5(0, 0);
  if (name == "lambda5_21") return lambda5(1, 0);
  if (name == "mu") return mu(0).real();
  Parameters p = *this;
  double out = 0.0;
  bool found = false;
  detail::visit_parameters(p, [&](const std::string& n, const char*, auto& r) {
    if (!found && n == name) {
      out = detail::param_as_double(r);
      found = true;
    }
  });
  if (!found) throw invalid_input(std::string(name), "?", "unknown parameter name (see Parameters::names())");
  return out;
}

}  // namespace darkloops
