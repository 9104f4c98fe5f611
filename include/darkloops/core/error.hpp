// SPDX-License-Identifier: MIT
// Exceptions of the model and fit layers. The loop functions never throw (they are noexcept
// and return NaN outside their domain); the layers above turn bad input into one of these.
#pragma once

#include <sstream>
#include <stdexcept>
#include <string>

namespace darkloops {

/// Base of every exception darkloops throws.
class error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A parameter or input that cannot describe a physical model point. The message names the
/// parameter and its value.
class invalid_input : public error {
 public:
  invalid_input(const std::string& parameter, const std::string& value, const std::string& why)
      : error("darkloops: invalid input " + parameter + " = " + value + ": " + why),
        parameter_(parameter) {}
  template <class V>
  invalid_input(const std::string& parameter, const V& value, const std::string& why)
      : invalid_input(parameter, to_text(value), why) {}
  const std::string& parameter() const noexcept { return parameter_; }

 private:
  template <class V>
  static std::string to_text(const V& value) {
    std::ostringstream os;
    os.precision(17);
    os << value;
    return os.str();
  }
  std::string parameter_;
};

/// Valid inputs that lead to an unphysical point (a tachyonic spectrum, Casas–Ibarra
/// conditions that cannot be met, a NaN produced inside a calculation).
class physical_problem : public error {
 public:
  using error::error;
};

}  // namespace darkloops
