// The project's one random generator: xoshiro256** seeded through SplitMix64, with uniform,
// normal (Box–Muller) and shuffle built on exact arithmetic, so a seed gives the same numbers
// natively, in WASM and on every machine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace adagrad::data {

class Rng {
 public:
  explicit Rng(std::uint64_t seed);
  /// 64 random bits.
  std::uint64_t next_u64();
  /// Uniform in [0, 1), 53 bits.
  double uniform();
  /// Uniform in [lo, hi).
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  /// Standard normal.
  double normal();
  /// Uniform integer in [0, n), unbiased; n >= 1.
  std::uint64_t below(std::uint64_t n);
  /// Fisher–Yates shuffle of indices.
  void shuffle(std::span<std::uint32_t> items);

 private:
  std::uint64_t s_[4];
  double spare_ = 0;
  bool has_spare_ = false;
};

}  // namespace adagrad::data
