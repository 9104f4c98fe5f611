// SPDX-License-Identifier: MIT
// Inputs: internal consistency of the sourced constants (each checked against an independent
// relation, not against itself).
#include <darkloops/darkloops.hpp>
#include <doctest/doctest.h>

#include <cmath>

namespace sm = darkloops::inputs::sm;

TEST_CASE("vev constant equals (sqrt2 G_F)^(-1/2)") {
  // The literal v and the function computing it from G_F are independent spellings.
  CHECK(std::abs(sm::v - sm::v_GeV()) < 1e-12 * sm::v);
  CHECK(std::abs(sm::v - 246.22) < 0.01);
}

TEST_CASE("CKM matrix is unitary and reproduces the Wolfenstein inputs") {
  const auto V = sm::ckm();
  const Eigen::Matrix3cd I = V * V.adjoint();
  CHECK((I - Eigen::Matrix3cd::Identity()).norm() < 1e-14);  // a few ulps of O(1) entries
  // |V_us| = lambda and |V_cb| = A lambda^2 hold exactly in the PDG-exact construction.
  CHECK(std::abs(std::abs(V(0, 1)) / std::sqrt(1 - std::norm(V(0, 2))) - sm::ckm_lambda) < 1e-14);
  CHECK(std::abs(std::abs(V(1, 2)) / std::sqrt(1 - std::norm(V(0, 2))) - sm::ckm_A * sm::ckm_lambda * sm::ckm_lambda) < 1e-14);
  // rhobar + i etabar = -V_ud V_ub^* / (V_cd V_cb^*)  (PDG eq. 12.4)
  const auto re = -V(0, 0) * std::conj(V(0, 2)) / (V(1, 0) * std::conj(V(1, 2)));
  CHECK(std::abs(re.real() - sm::ckm_rhobar) < 1e-12);
  CHECK(std::abs(re.imag() - sm::ckm_etabar) < 1e-12);
  // lambda_t = V_tb V_ts^* is about -0.040 (PDG 2022: |V_ts| = 0.0411 +- 0.0008 from the fit)
  CHECK(sm::lambda_t().real() == doctest::Approx(-0.0404).epsilon(0.03));
}

TEST_CASE("invalid_input names the parameter and value") {
  const darkloops::invalid_input e("M_N", -5.0, "must be positive");
  CHECK(std::string(e.what()).find("M_N") != std::string::npos);
  CHECK(std::string(e.what()).find("-5") != std::string::npos);
  CHECK(e.parameter() == "M_N");
}
