// Validation helpers: every bad input is refused with std::invalid_argument whose message
// names the field and the offending value, e.g. "lr must be finite and > 0, got -1".
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace adagrad {

/// Shortest text that reads back as the same double ("0.1", "1e-08", "nan", "-inf").
std::string format_number(double value);

/// Throws std::invalid_argument(message).
[[noreturn]] void fail(const std::string& message);

/// value must be finite and > 0.
void require_positive(std::string_view field, double value);
/// value must be finite and >= 0.
void require_non_negative(std::string_view field, double value);
/// value must be finite.
void require_finite(std::string_view field, double value);
/// value must be finite and in [lo, hi).
void require_in_half_open(std::string_view field, double value, double lo, double hi);
/// A count that must be >= 1 (sample counts, layer widths, step counts).
void require_count(std::string_view field, long long value);
/// Every element finite; names the first bad index: "grad[2] must be finite, got nan".
void require_all_finite(std::string_view field, std::span<const double> values);
/// The most values any one array of the core may hold: 2²⁵ doubles, 256 MiB (a network keeps
/// its parameters, gradients and optimizer state, so several such arrays live at once). Sizes are products
/// (samples × columns, layer × layer) and wasm32's size_t is 32 bits, so every product is checked
/// against this one limit before anything is allocated, the same way natively and in WASM.
inline constexpr std::size_t kMaxValues = std::size_t{1} << 25;
/// a × b, or (when the product passes kMaxValues, or would overflow) std::invalid_argument:
/// "x would hold 65536 × 65537 values, more than the limit of 33554432".
std::size_t checked_product(std::string_view field, std::size_t a, std::size_t b);
/// Two spans that must have the same length: "grad has 3 values but params has 2".
void require_same_size(std::string_view field, std::size_t got, std::string_view other,
                       std::size_t want);

}  // namespace adagrad
