// SPDX-License-Identifier: MIT
// Result types of the three- and four-point tensor integrals (LoopTools/Denner basis,
// Denner, Fortsch. Phys. 41 (1993) 307, eqs. (4.6)-(4.7)):
//   C^mu      = k1^mu C1 + k2^mu C2,                 k1 = p1, k2 = p1 + p2
//   C^{mu nu} = g^{mu nu} C00 + sum_ij k_i^mu k_j^nu Cij
//   C^{mu nu rho}: C00i (g k_i terms) and Cijk
//   D likewise with k1 = p1, k2 = p1 + p2, k3 = p1 + p2 + p3.
#pragma once

#include <complex>
#include <limits>

namespace darkloops::loop {

template <class T>
struct CCoefficients {
  std::complex<T> c0, c1, c2;
  std::complex<T> c00, c11, c12, c22;
  std::complex<T> c001, c002, c111, c112, c122, c222;
  /// Estimate of the decimal digits lost to cancellations (small Gram determinant, ...):
  /// about log10 of the amplification of rounding errors in the reduction. 0 on closed forms.
  T digits_lost = T(0);
};

template <class T>
struct DCoefficients {
  std::complex<T> d0, d1, d2, d3;
  std::complex<T> d00, d11, d12, d13, d22, d23, d33;
  /// Estimate of the decimal digits lost (see CCoefficients::digits_lost).
  T digits_lost = T(0);
};

}  // namespace darkloops::loop
