// What every fuzz target shares: arbitrary doubles that favour the edges (NaN, ±∞, subnormals,
// the largest finite values, 0 and -0), the rule that std::invalid_argument is a correct refusal
// and anything else escaping is a finding, and a way to report a broken promise.
#pragma once

#include <fuzzer/FuzzedDataProvider.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "optim/factory.hpp"

namespace fuzz {

using Limits = std::numeric_limits<double>;

/// Any double: a hand-picked edge case, a raw bit pattern (every NaN payload, subnormal and
/// huge value), or an ordinary number the lesson would use.
inline double any_double(FuzzedDataProvider& in) {
  static constexpr double edges[] = {
      Limits::quiet_NaN(), -Limits::quiet_NaN(), Limits::infinity(), -Limits::infinity(),
      0.0, -0.0, Limits::denorm_min(), -Limits::denorm_min(), Limits::min(), Limits::max(),
      Limits::lowest(), Limits::epsilon(), 1.0 - Limits::epsilon() / 2, 1e-300, 1e300, 1e-10, 1e-8,
      1e-6, 0.001, 0.01, 0.1, 0.5, 0.9, 0.99, 0.999, 1.0, -1.0, 2.0, 4.0, 10.0, 100.0, 1e6, 1e154,
      1.5e154, 1e-154};
  switch (in.ConsumeIntegralInRange<int>(0, 3)) {
    case 0: return edges[in.ConsumeIntegralInRange<std::size_t>(0, std::size(edges) - 1)];
    case 1: return std::bit_cast<double>(in.ConsumeIntegral<std::uint64_t>());
    case 2: return in.ConsumeFloatingPointInRange<double>(-10.0, 10.0);
    default: return in.ConsumeFloatingPoint<double>();
  }
}

/// A count that is usually small but reaches the edges of long long now and then.
inline long long any_count(FuzzedDataProvider& in, long long small_max) {
  static constexpr long long edges[] = {0, -1, 1, 2, std::numeric_limits<long long>::min(),
                                        std::numeric_limits<long long>::max(), 1LL << 31, 1LL << 32,
                                        (1LL << 32) + 3, 1LL << 53, 4096, 4097, 100000, 100001};
  switch (in.ConsumeIntegralInRange<int>(0, 7)) {
    case 0: return edges[in.ConsumeIntegralInRange<std::size_t>(0, std::size(edges) - 1)];
    case 1: return in.ConsumeIntegral<long long>();
    default: return in.ConsumeIntegralInRange<long long>(-2, small_max);
  }
}

inline std::vector<double> any_doubles(FuzzedDataProvider& in, std::size_t n) {
  std::vector<double> out(n);
  for (auto& v : out) v = any_double(in);
  return out;
}

/// An optimizer spec of any kind with up to max_options options drawn from `names` (each kind's
/// own, others', repeats): the factory sorts them out. The targets keep their own name lists, so a
/// corpus input decodes to the case it always did (PickValueInArray's own index draw).
inline adagrad::optim::OptimizerSpec any_spec(FuzzedDataProvider& in, std::span<const char* const> names,
                                              int max_options) {
  static const char* const kinds[] = {"sgd", "adagrad", "rmsprop", "adam"};
  adagrad::optim::OptimizerSpec spec{in.PickValueInArray(kinds), {}};
  const int n = in.ConsumeIntegralInRange<int>(0, max_options);
  for (int k = 0; k < n; ++k) {
    const std::string name = names[in.ConsumeIntegralInRange<std::size_t>(0, names.size() - 1)];
    if (name == "nesterov" || name == "centered" || name == "amsgrad")
      spec.options.emplace_back(name, in.ConsumeBool());
    else if (name == "eps_placement")
      spec.options.emplace_back(name, std::string(in.ConsumeBool() ? "inside" : "outside"));
    else
      spec.options.emplace_back(name, any_double(in));
  }
  return spec;
}

inline bool all_finite(std::span<const double> values) {
  for (double v : values)
    if (!std::isfinite(v)) return false;
  return true;
}

/// FUZZ_DESCRIBE=1 fuzz_NAME FILE prints the case an input decodes to (for reproducers and to
/// check the seeds that tests/fuzz/make_seeds.py writes).
inline bool describing() {
  static const bool on = std::getenv("FUZZ_DESCRIBE") != nullptr;
  return on;
}

inline std::string list(std::span<const double> values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + std::to_string(values[i]);
  return out + "]";
}

/// A broken promise: print it and abort, so libFuzzer saves the input as a crash.
[[noreturn]] inline void finding(const std::string& what) {
  std::fprintf(stderr, "\n*** FUZZ FINDING: %s\n", what.c_str());
  std::fflush(stderr);
  std::abort();
}

/// FUZZ_EXPECT(promise, message): a finding unless the promise holds. The message is built only
/// then (a macro, not a function): formatting numbers for every row of every case would cost
/// more than the case itself.
#define FUZZ_EXPECT(promise, message) \
  do {                                \
    if (!(promise)) ::fuzz::finding(message); \
  } while (0)

/// Runs `call`; true if it returned, false if the core refused with std::invalid_argument (a
/// correct answer to a bad input). Any other exception propagates and ends the run: a finding.
/// A refusal must say what it refuses: an empty message is a finding too.
template <class Call>
bool accepted(Call&& call) {
  try {
    call();
    return true;
  } catch (const std::invalid_argument& refusal) {
    FUZZ_EXPECT(refusal.what()[0] != '\0', "a refusal with an empty message");
    return false;
  }
}

}  // namespace fuzz
