// SPDX-License-Identifier: MIT
// What every observable functor satisfies, so analyses and the fit layer can hold any mix.
// An observable is a small value type: operator()(const Model&) returns its prediction
// (new physics only unless its name says otherwise), name() a stable identifier
// (e.g. "C9_mu", "delta_amu") and unit() its unit ("" for dimensionless, "GeV", "eV", ...).
#pragma once

#include <complex>
#include <concepts>
#include <string>

namespace darkloops {

class Model;

/// A real-valued observable (what a chi^2 term can use directly).
template <class O>
concept Observable = requires(const O& o, const Model& m) {
  { o(m) } -> std::convertible_to<double>;
  { o.name() } -> std::convertible_to<std::string>;
  { o.unit() } -> std::convertible_to<std::string>;
};

/// A complex-valued one (Wilson coefficients); take Re/Im with `real_part`/`imag_part`.
template <class O>
concept ComplexObservable = requires(const O& o, const Model& m) {
  { o(m) } -> std::convertible_to<std::complex<double>>;
  { o.name() } -> std::convertible_to<std::string>;
};

/// Re of a complex observable, as a real observable named "Re(<name>)".
template <ComplexObservable O>
struct real_part {
  O inner{};
  double operator()(const Model& m) const { return std::real(std::complex<double>(inner(m))); }
  std::string name() const { return "Re(" + std::string(inner.name()) + ")"; }
  std::string unit() const { return ""; }
};

/// Im of a complex observable, as a real observable named "Im(<name>)".
template <ComplexObservable O>
struct imag_part {
  O inner{};
  double operator()(const Model& m) const { return std::imag(std::complex<double>(inner(m))); }
  std::string name() const { return "Im(" + std::string(inner.name()) + ")"; }
  std::string unit() const { return ""; }
};

}  // namespace darkloops
