// The project's random generator: its raw stream against the published xoshiro256** and
// SplitMix64 algorithms (values from an independent script), and its uniform, normal, below and
// shuffle against their distributions.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <vector>

#include "data/rng.hpp"

using adagrad::data::Rng;

TEST_CASE("rng reproduces the reference xoshiro256 star-star stream seeded through splitmix64", "[data][rng]") {
  // Computed with Blackman & Vigna's reference algorithms (Python, arbitrary-precision ints).
  Rng zero(0);
  CHECK(zero.next_u64() == 0x99ec5f36cb75f2b4ull);
  CHECK(zero.next_u64() == 0xbf6e1f784956452aull);
  CHECK(zero.next_u64() == 0x1a5f849d4933e6e0ull);
  CHECK(zero.next_u64() == 0x6aa594f1262d2d2cull);
  Rng seeded(42);
  CHECK(seeded.next_u64() == 0x15780b2e0c2ec716ull);
  CHECK(seeded.next_u64() == 0x6104d9866d113a7eull);
  CHECK(seeded.next_u64() == 0xae17533239e499a1ull);
  CHECK(seeded.next_u64() == 0xecb8ad4703b360a1ull);
}

TEST_CASE("uniform() is the top 53 bits of the stream over 2^53", "[data][rng]") {
  Rng r(42);
  CHECK(r.uniform() == 0.08386297105988216);
  CHECK(r.uniform() == 0.3789802506626686);
  CHECK(r.uniform() == 0.6800434110281394);
}

TEST_CASE("uniform draws lie in the half-open unit interval with mean 1/2 and variance 1/12", "[data][rng]") {
  Rng r(1);
  const int n = 100000;
  double s = 0, s2 = 0, lo = 1, hi = 0;
  for (int i = 0; i < n; ++i) {
    const double u = r.uniform();
    REQUIRE(u >= 0.0);
    REQUIRE(u < 1.0);
    lo = std::min(lo, u);
    hi = std::max(hi, u);
    s += u;
    s2 += u * u;
  }
  const double mean = s / n, var = s2 / n - mean * mean;
  CHECK(mean == Approx(0.5).epsilon(0).margin(5 * std::sqrt(1.0 / 12 / n)));
  CHECK(var == Approx(1.0 / 12).epsilon(0).margin(5 * std::sqrt(1.0 / 180 / n)));  // Var(u^2 - ...) ~ 1/180
  CHECK(lo < 1e-3);
  CHECK(hi > 1 - 1e-3);
  // uniform(lo, hi) scales into [lo, hi)
  for (int i = 0; i < 1000; ++i) {
    const double v = r.uniform(-2.0, 3.0);
    CHECK(v >= -2.0);
    CHECK(v < 3.0);
  }
}

TEST_CASE("normal draws have mean 0 and variance 1 within a few standard errors", "[data][rng]") {
  Rng r(2);
  const int n = 100000;
  double s = 0, s2 = 0, s4 = 0;
  int beyond_2sd = 0;
  for (int i = 0; i < n; ++i) {
    const double z = r.normal();
    REQUIRE(std::isfinite(z));
    s += z;
    s2 += z * z;
    s4 += z * z * z * z;
    beyond_2sd += std::abs(z) > 2;
  }
  const double mean = s / n, var = s2 / n - mean * mean;
  CHECK(mean == Approx(0).epsilon(0).margin(5 / std::sqrt(n)));          // SE of the mean: 1/sqrt(n)
  CHECK(var == Approx(1).epsilon(0).margin(5 * std::sqrt(2.0 / n)));      // SE of the variance: sqrt(2/n)
  CHECK(s4 / n == Approx(3).epsilon(0).margin(5 * std::sqrt(96.0 / n)));  // the kurtosis of a Gaussian
  // P(|z| > 2) = 0.0455
  CHECK(beyond_2sd / double(n) == Approx(0.0455).epsilon(0).margin(5 * std::sqrt(0.0455 * 0.9545 / n)));
}

TEST_CASE("below(n) stays below n and reaches every value", "[data][rng]") {
  Rng r(3);
  CHECK(r.below(1) == 0);
  for (const std::uint64_t n : {2ull, 3ull, 7ull, 10ull}) {
    INFO("n = " << n);
    std::vector<int> hits(n, 0);
    for (int i = 0; i < 2000; ++i) {
      const std::uint64_t v = r.below(n);
      REQUIRE(v < n);
      ++hits[v];
    }
    // every value, each within 5 sd of 2000/n
    for (int h : hits) CHECK(std::abs(h - 2000.0 / n) < 5 * std::sqrt(2000.0 / n));
  }
  // a bound near 2^64 is still respected (rejection keeps it unbiased)
  const std::uint64_t big = (1ull << 63) + 12345;
  for (int i = 0; i < 100; ++i) CHECK(r.below(big) < big);
}

TEST_CASE("shuffle is a permutation that depends on the seed", "[data][rng]") {
  std::vector<std::uint32_t> a(100), b(100), c(100);
  std::iota(a.begin(), a.end(), 0u);
  b = a;
  c = a;
  Rng(5).shuffle(a);
  Rng(5).shuffle(b);
  Rng(6).shuffle(c);
  CHECK(a == b);
  CHECK(a != c);
  std::vector<std::uint32_t> sorted = a;
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::uint32_t> identity(100);
  std::iota(identity.begin(), identity.end(), 0u);
  CHECK(sorted == identity);
  CHECK(a != identity);
  // the empty and one-element cases are no-ops
  std::vector<std::uint32_t> none, one{7};
  Rng(1).shuffle(none);
  Rng(1).shuffle(one);
  CHECK(none.empty());
  CHECK(one == std::vector<std::uint32_t>{7});
}

TEST_CASE("every position of a shuffle is equally likely", "[data][rng]") {
  // Fisher-Yates is uniform: where element 0 of 4 ends up, over many shuffles, is about even.
  Rng r(8);
  std::vector<int> where(4, 0);
  const int trials = 8000;
  for (int t = 0; t < trials; ++t) {
    std::vector<std::uint32_t> v{0, 1, 2, 3};
    r.shuffle(v);
    ++where[std::find(v.begin(), v.end(), 0u) - v.begin()];
  }
  for (int w : where) CHECK(std::abs(w - trials / 4.0) < 5 * std::sqrt(trials * 0.25 * 0.75));
}

TEST_CASE("the same seed repeats the stream and another seed does not", "[data][rng][seed]") {
  Rng a(99), b(99), c(100);
  bool all_same = true, any_same = false;
  for (int i = 0; i < 100; ++i) {
    const double x = a.normal(), y = b.normal(), z = c.normal();
    all_same = all_same && x == y;
    any_same = any_same || x == z;
  }
  CHECK(all_same);
  CHECK_FALSE(any_same);
}
