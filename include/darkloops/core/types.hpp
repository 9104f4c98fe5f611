// SPDX-License-Identifier: MIT
// Eigen aliases and small numeric helpers shared by the model, observables and fit layers.
#pragma once

#include <Eigen/Dense>
#include <complex>
#include <numbers>

namespace darkloops {

using cplx = std::complex<double>;
using Vector2d = Eigen::Vector2d;
using Vector3d = Eigen::Vector3d;
using Vector2c = Eigen::Vector2cd;
using Vector3c = Eigen::Vector3cd;
using Matrix2d = Eigen::Matrix2d;
using Matrix3d = Eigen::Matrix3d;
using Matrix2c = Eigen::Matrix2cd;
using Matrix3c = Eigen::Matrix3cd;
using Matrix32c = Eigen::Matrix<std::complex<double>, 3, 2>;
using Matrix23c = Eigen::Matrix<std::complex<double>, 2, 3>;

inline constexpr double pi = std::numbers::pi;

}  // namespace darkloops
