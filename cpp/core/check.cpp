#include "core/check.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace adagrad {

std::string format_number(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  // The shortest of %.15g .. %.17g that round-trips; printf is exact in glibc and musl alike,
  // so native and WASM builds produce the same messages.
  char buf[32];
  for (int precision = 15; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, value);
    if (std::strtod(buf, nullptr) == value) break;
  }
  return buf;
}

void fail(const std::string& message) { throw std::invalid_argument(message); }

void require_positive(std::string_view field, double value) {
  if (!(std::isfinite(value) && value > 0))
    fail(std::string(field) + " must be finite and > 0, got " + format_number(value));
}

void require_non_negative(std::string_view field, double value) {
  if (!(std::isfinite(value) && value >= 0))
    fail(std::string(field) + " must be finite and >= 0, got " + format_number(value));
}

void require_finite(std::string_view field, double value) {
  if (!std::isfinite(value))
    fail(std::string(field) + " must be finite, got " + format_number(value));
}

void require_in_half_open(std::string_view field, double value, double lo, double hi) {
  if (!(std::isfinite(value) && value >= lo && value < hi))
    fail(std::string(field) + " must be in [" + format_number(lo) + ", " + format_number(hi) +
         "), got " + format_number(value));
}

void require_count(std::string_view field, long long value) {
  if (value < 1) fail(std::string(field) + " must be >= 1, got " + std::to_string(value));
}

void require_all_finite(std::string_view field, std::span<const double> values) {
  for (std::size_t i = 0; i < values.size(); ++i)
    if (!std::isfinite(values[i]))
      fail(std::string(field) + "[" + std::to_string(i) + "] must be finite, got " +
           format_number(values[i]));
}

std::size_t checked_product(std::string_view field, std::size_t a, std::size_t b) {
  if (a != 0 && b > kMaxValues / a)
    fail(std::string(field) + " would hold " + std::to_string(a) + " × " + std::to_string(b) +
         " values, more than the limit of " + std::to_string(kMaxValues));
  return a * b;
}

void require_same_size(std::string_view field, std::size_t got, std::string_view other,
                       std::size_t want) {
  if (got != want)
    fail(std::string(field) + " has " + std::to_string(got) + " values but " +
         std::string(other) + " has " + std::to_string(want));
}

}  // namespace adagrad
