// numpy's legacy RandomState stream (np.random.seed / randn / permutation), reproduced so the
// seed notebook's spiral and its initial weights come out exactly as the notebook drew them.
// MT19937 with numpy's seeding, the polar Box–Muller of legacy_gauss, and the masked rejection
// of random_interval; log and sqrt are the project's portable ones, so native and WASM agree.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace adagrad::data {

class NumpyLegacyRandom {
 public:
  /// np.random.seed(seed); seed must fit in 32 bits, as numpy requires.
  explicit NumpyLegacyRandom(std::uint64_t seed);
  std::uint32_t next_u32();
  /// random_sample(): 53 bits from two draws.
  double random_double();
  /// One value of randn().
  double gauss();
  /// permutation(n): a shuffled 0 … n-1, with numpy's Fisher–Yates from the top.
  std::vector<std::uint32_t> permutation(std::uint32_t n);

 private:
  std::uint32_t interval(std::uint32_t max);  // uniform in [0, max], numpy's masked rejection
  std::uint32_t mt_[624];
  int pos_ = 624;
  double spare_ = 0;
  bool has_spare_ = false;
};

}  // namespace adagrad::data
