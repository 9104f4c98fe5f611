// SPDX-License-Identifier: MIT
// A minimal streaming JSON writer (objects, arrays, numbers, strings, booleans) for program
// output. Non-finite numbers are written as null (JSON has no NaN/Inf). Not a parser.
#pragma once

#include <cmath>
#include <cstdio>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace darkloops::io {

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& os, int indent = 2) : os_(os), indent_(indent) {}

  JsonWriter& begin_object(std::string_view key = {}) { return open(key, '{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array(std::string_view key = {}) { return open(key, '['); }
  JsonWriter& end_array() { return close(']'); }

  JsonWriter& value(std::string_view key, double v) {
    prefix(key);
    write_number(v);
    return *this;
  }
  JsonWriter& value(std::string_view key, int v) { return value(key, static_cast<long long>(v)); }
  JsonWriter& value(std::string_view key, long long v) {
    prefix(key);
    os_ << v;
    return *this;
  }
  JsonWriter& value(std::string_view key, std::size_t v) {
    prefix(key);
    os_ << v;
    return *this;
  }
  JsonWriter& value(std::string_view key, bool v) {
    prefix(key);
    os_ << (v ? "true" : "false");
    return *this;
  }
  JsonWriter& value(std::string_view key, std::string_view v) {
    prefix(key);
    write_string(v);
    return *this;
  }
  JsonWriter& value(std::string_view key, const char* v) { return value(key, std::string_view(v)); }
  /// An array of numbers on one line.
  JsonWriter& value(std::string_view key, const std::vector<double>& v) {
    prefix(key);
    os_ << '[';
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i) os_ << ", ";
      write_number(v[i]);
    }
    os_ << ']';
    return *this;
  }
  /// Array elements: value without a key (inside begin_array()).
  template <class T>
  JsonWriter& element(const T& v) {
    return value(std::string_view{}, v);
  }

 private:
  JsonWriter& open(std::string_view key, char c) {
    prefix(key);
    os_ << c;
    first_.push_back(true);
    return *this;
  }
  JsonWriter& close(char c) {
    const bool empty = first_.back();
    first_.pop_back();
    if (!empty) newline();
    os_ << c;
    if (first_.empty()) os_ << '\n';
    return *this;
  }
  void prefix(std::string_view key) {
    if (!first_.empty()) {
      if (!first_.back()) os_ << ',';
      first_.back() = false;
      newline();
    }
    if (!key.empty()) {
      write_string(key);
      os_ << ": ";
    }
  }
  void newline() {
    os_ << '\n';
    for (std::size_t i = 0; i < first_.size() * static_cast<std::size_t>(indent_); ++i) os_ << ' ';
  }
  void write_number(double v) {
    if (!std::isfinite(v)) {
      os_ << "null";
      return;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    os_ << buf;
  }
  void write_string(std::string_view s) {
    os_ << '"';
    for (const char ch : s) {
      switch (ch) {
        case '"': os_ << "\\\""; break;
        case '\\': os_ << "\\\\"; break;
        case '\n': os_ << "\\n"; break;
        case '\t': os_ << "\\t"; break;
        case '\r': os_ << "\\r"; break;
        default:
          if (static_cast<unsigned char>(ch) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(ch)));
            os_ << buf;
          } else {
            os_ << ch;
          }
      }
    }
    os_ << '"';
  }

  std::ostream& os_;
  int indent_;
  std::vector<bool> first_;
};

}  // namespace darkloops::io
