// SPDX-License-Identifier: MIT
// Oscillation data as a value type and the PMNS matrix in the PDG convention
// (docs/physics.md §3 M7). Default: de Salas et al. 2021 best fit (inputs/neutrino.hpp), the fit
// used by [P] (its ref. [51]). One heavy fermion N => one massless neutrino: m1 = 0 (NO) or
// m3 = 0 (IO).
#pragma once

#include <cmath>
#include <complex>

#include "darkloops/core/types.hpp"
#include "darkloops/inputs/neutrino.hpp"

namespace darkloops {

/// Neutrino mass ordering: normal (m1 = 0 < m2 < m3) or inverted (m3 = 0 < m1 < m2).
enum class Ordering { normal = 0, inverted = 1 };

/// Oscillation inputs. Masses follow from the splittings with the lightest mass zero:
///   NO: m1 = 0, m2 = sqrt(dm21), m3 = sqrt(dm3l)          (dm3l = Delta m^2_31 > 0)
///   IO: m3 = 0, m1 = sqrt(dm3l), m2 = sqrt(dm3l + dm21)   (dm3l = |Delta m^2_31|)
/// Phases in radians, PDG: U = R23 U13(delta) R12 diag(1, e^{i alpha21/2}, e^{i alpha31/2}).
/// With a massless state only one Majorana phase is physical (NO: alpha31 - alpha21; IO: alpha21).
struct OscillationData {
  Ordering ordering = Ordering::normal;
  double dm21_sq_eV2 = inputs::neutrino::de_salas_2021_NO.dm21_sq_eV2;  ///< Delta m^2_21 [eV^2]
  double dm3l_sq_eV2 = inputs::neutrino::de_salas_2021_NO.dm3l_sq_eV2;  ///< |Delta m^2_31| [eV^2]
  double sin2_theta12 = inputs::neutrino::de_salas_2021_NO.sin2_theta12;
  double sin2_theta23 = inputs::neutrino::de_salas_2021_NO.sin2_theta23;
  double sin2_theta13 = inputs::neutrino::de_salas_2021_NO.sin2_theta13;
  double delta_cp = inputs::neutrino::de_salas_2021_NO.delta_cp_rad;  ///< Dirac phase [rad]
  double alpha21 = 0.0;  ///< Majorana phase [rad]
  double alpha31 = 0.0;  ///< Majorana phase [rad]

  /// de Salas et al. 2021 best fit for the given ordering, Majorana phases zero.
  static OscillationData de_salas_2021(Ordering o = Ordering::normal) {
    const auto& f = (o == Ordering::normal) ? inputs::neutrino::de_salas_2021_NO
                                            : inputs::neutrino::de_salas_2021_IO;
    return OscillationData{o, f.dm21_sq_eV2, f.dm3l_sq_eV2, f.sin2_theta12, f.sin2_theta23,
                           f.sin2_theta13, f.delta_cp_rad, 0.0, 0.0};
  }

  /// Light neutrino masses (m1, m2, m3) [eV], PDG labels (not sorted for IO).
  Vector3d masses_eV() const {
    if (ordering == Ordering::normal)
      return Vector3d(0.0, std::sqrt(dm21_sq_eV2), std::sqrt(dm3l_sq_eV2));
    return Vector3d(std::sqrt(dm3l_sq_eV2), std::sqrt(dm3l_sq_eV2 + dm21_sq_eV2), 0.0);
  }
};

/// PMNS matrix, PDG standard parametrisation times diag(1, e^{i a21/2}, e^{i a31/2}).
inline Matrix3c pmns(double s12sq, double s23sq, double s13sq, double delta, double alpha21 = 0.0,
                     double alpha31 = 0.0) {
  const double s12 = std::sqrt(s12sq), s23 = std::sqrt(s23sq), s13 = std::sqrt(s13sq);
  const double c12 = std::sqrt(1.0 - s12sq), c23 = std::sqrt(1.0 - s23sq), c13 = std::sqrt(1.0 - s13sq);
  const cplx e = std::polar(1.0, delta);
  Matrix3c U;
  U << c12 * c13, s12 * c13, s13 * std::conj(e),
      -s12 * c23 - c12 * s23 * s13 * e, c12 * c23 - s12 * s23 * s13 * e, s23 * c13,
      s12 * s23 - c12 * c23 * s13 * e, -c12 * s23 - s12 * c23 * s13 * e, c23 * c13;
  U.col(1) *= std::polar(1.0, 0.5 * alpha21);
  U.col(2) *= std::polar(1.0, 0.5 * alpha31);
  return U;
}

inline Matrix3c pmns(const OscillationData& o) {
  return pmns(o.sin2_theta12, o.sin2_theta23, o.sin2_theta13, o.delta_cp, o.alpha21, o.alpha31);
}

}  // namespace darkloops
