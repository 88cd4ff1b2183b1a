#include "data/numpy_legacy.hpp"

#include <cmath>
#include <numeric>
#include <string>
#include <utility>

#include "core/check.hpp"
#include "data/portable_math.hpp"

namespace adagrad::data {

// reference: numpy/random/src/mt19937/mt19937.c (mt19937_seed, mt19937_gen) and
// numpy/random/src/legacy/legacy-distributions.c (legacy_double, legacy_gauss).
NumpyLegacyRandom::NumpyLegacyRandom(std::uint64_t seed) {
  if (seed > 0xFFFFFFFFull)
    fail("seed must be < 4294967296 for numpy's legacy stream, got " + std::to_string(seed));
  auto s = static_cast<std::uint32_t>(seed);
  for (int i = 0; i < 624; ++i) {
    mt_[i] = s;
    s = 1812433253u * (s ^ (s >> 30)) + static_cast<std::uint32_t>(i + 1);
  }
}

std::uint32_t NumpyLegacyRandom::next_u32() {
  if (pos_ == 624) {  // regenerate the whole state (MT19937's twist)
    for (int i = 0; i < 624; ++i) {
      const std::uint32_t y = (mt_[i] & 0x80000000u) | (mt_[(i + 1) % 624] & 0x7fffffffu);
      mt_[i] = mt_[(i + 397) % 624] ^ (y >> 1) ^ ((y & 1u) ? 0x9908b0dfu : 0u);
    }
    pos_ = 0;
  }
  std::uint32_t y = mt_[pos_++];
  y ^= y >> 11;  // tempering
  y ^= (y << 7) & 0x9d2c5680u;
  y ^= (y << 15) & 0xefc60000u;
  y ^= y >> 18;
  return y;
}

double NumpyLegacyRandom::random_double() {
  const std::uint32_t a = next_u32() >> 5, b = next_u32() >> 6;
  return (a * 67108864.0 + b) / 9007199254740992.0;
}

double NumpyLegacyRandom::gauss() {
  if (has_spare_) {
    has_spare_ = false;
    return spare_;
  }
  double x1, x2, r2;
  do {  // a point uniform in the unit disc (the polar method)
    x1 = 2.0 * random_double() - 1.0;
    x2 = 2.0 * random_double() - 1.0;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1.0 || r2 == 0.0);
  const double f = std::sqrt(-2.0 * portable_log(r2) / r2);
  spare_ = f * x1;
  has_spare_ = true;
  return f * x2;
}

std::uint32_t NumpyLegacyRandom::interval(std::uint32_t max) {
  if (max == 0) return 0;
  std::uint32_t mask = max;  // the smallest 2^k - 1 >= max
  mask |= mask >> 1;
  mask |= mask >> 2;
  mask |= mask >> 4;
  mask |= mask >> 8;
  mask |= mask >> 16;
  std::uint32_t value;
  while ((value = next_u32() & mask) > max) {
  }
  return value;
}

std::vector<std::uint32_t> NumpyLegacyRandom::permutation(std::uint32_t n) {
  std::vector<std::uint32_t> out(n);
  std::iota(out.begin(), out.end(), 0u);
  for (std::uint32_t i = n; i-- > 1;) std::swap(out[i], out[interval(i)]);
  return out;
}

}  // namespace adagrad::data
