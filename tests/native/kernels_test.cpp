// The network's vector kernels against plain loops and the C library: tanh and sigmoid within
// a few ulps, and every product and reduction equal to its textbook loop for sizes that cover
// the 2-, 4- and 8-wide blocks and their tails.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include "nn/kernels.hpp"

namespace kernels = adagrad::nn::kernels;

namespace {

std::int64_t ulps_apart(double a, double b) {
  if (a == b) return 0;
  if ((a < 0) != (b < 0)) return INT64_MAX;
  std::int64_t ia, ib;
  std::memcpy(&ia, &a, sizeof a);
  std::memcpy(&ib, &b, sizeof b);
  return ia > ib ? ia - ib : ib - ia;
}

std::vector<double> random_vector(std::size_t n, std::mt19937_64& gen) {
  std::normal_distribution<double> e(0, 1);
  std::vector<double> v(n);
  for (auto& x : v) x = e(gen);
  return v;
}

// Sums in another order than the kernels' agree to a few ulps of the sum of |terms|.
void check_sum_close(double got, double want, double abs_terms) {
  CHECK(std::abs(got - want) <= 8 * std::numeric_limits<double>::epsilon() * abs_terms + 1e-300);
}

}  // namespace

TEST_CASE("kernels::tanh is within 3 ulps of std::tanh, odd and saturating", "[nn][kernels]") {
  std::vector<double> z;
  for (int i = 0; i <= 100000; ++i) z.push_back(-30.0 + 60.0 * i / 100000);
  for (int e = -300; e <= 0; e += 3) {  // tiny arguments, where tanh x = x
    z.push_back(1.7 * std::pow(10.0, e));
    z.push_back(-1.7 * std::pow(10.0, e));
  }
  z.push_back(1.0);  // an odd count, so the scalar tail runs too
  std::vector<double> t(z.size());
  kernels::tanh(z.data(), t.data(), z.size());
  std::int64_t worst = 0;
  double worst_z = 0;
  for (std::size_t k = 0; k < z.size(); ++k) {
    const auto u = ulps_apart(t[k], std::tanh(z[k]));
    if (u > worst) {
      worst = u;
      worst_z = z[k];
    }
  }
  INFO("worst at z = " << worst_z);
  CHECK(worst <= 3);
  const double big[2] = {40.0, -1e300};
  double out[2];
  kernels::tanh(big, out, 2);
  CHECK(out[0] == 1.0);
  CHECK(out[1] == -1.0);
}

TEST_CASE("kernels::sigmoid is within 3 ulps of 1 / (1 + e^-z) from -700 to 40", "[nn][kernels]") {
  std::vector<double> z;
  for (int i = 0; i <= 100000; ++i) z.push_back(-700.0 + 740.0 * i / 100000);
  z.push_back(0.0);
  std::vector<double> s(z.size());
  kernels::sigmoid(z.data(), s.data(), z.size());
  std::int64_t worst = 0;
  double worst_z = 0;
  for (std::size_t k = 0; k < z.size(); ++k) {
    // the reference in long double, rounded once
    const auto want = static_cast<double>(1.0L / (1.0L + std::exp(-static_cast<long double>(z[k]))));
    const auto u = ulps_apart(s[k], want);
    if (u > worst) {
      worst = u;
      worst_z = z[k];
    }
  }
  INFO("worst at z = " << worst_z);
  CHECK(worst <= 3);
  CHECK(s.back() == 0.5);
}

TEST_CASE("kernels::exp_minus_abs is within 3 ulps of exp(-|z|) for |z| up to 708", "[nn][kernels]") {
  std::vector<double> z;
  for (int i = 0; i <= 100000; ++i) z.push_back(-708.0 + 1416.0 * i / 100000);
  z.push_back(0.0);
  std::vector<double> e(z.size());
  kernels::exp_minus_abs(z.data(), e.data(), z.size());
  std::int64_t worst = 0;
  double worst_z = 0;
  for (std::size_t k = 0; k < z.size(); ++k) {
    const auto u = ulps_apart(e[k], std::exp(-std::abs(z[k])));
    if (u > worst) {
      worst = u;
      worst_z = z[k];
    }
  }
  INFO("worst at z = " << worst_z);
  CHECK(worst <= 3);
  CHECK(e.back() == 1.0);
}

TEST_CASE("kernels::relu keeps positives and zeroes the rest", "[nn][kernels]") {
  const std::vector<double> z{-2, -0.0, 0.0, 1e-300, 3, -1e-300, 7};
  std::vector<double> out(z.size());
  kernels::relu(z.data(), out.data(), z.size());
  CHECK(out == std::vector<double>{0, 0, 0, 1e-300, 3, 0, 7});
}

// Once a bug: the kernels clamped |z| with a min() that dropped NaN, so tanh(NaN)
// and sigmoid(NaN) came out as 1 instead of NaN, unlike std::tanh and 1 / (1 + exp(-NaN)).
// The network's hidden layers and (since 42a0c92) its output unit go through these kernels.
TEST_CASE("kernels::tanh and sigmoid pass NaN through", "[nn][kernels]") {
  const double z[2] = {std::numeric_limits<double>::quiet_NaN(), 0.5};
  double t[2], s[2];
  kernels::tanh(z, t, 2);
  kernels::sigmoid(z, s, 2);
  CHECK(std::isnan(t[0]));
  CHECK(std::isnan(s[0]));
}

TEST_CASE("kernels::dot and sum equal their plain loops for every length up to 19", "[nn][kernels]") {
  std::mt19937_64 gen(1);
  for (std::size_t n = 0; n <= 19; ++n) {
    INFO("n = " << n);
    const auto a = random_vector(n, gen), b = random_vector(n, gen);
    double dot = 0, dot_abs = 0, sum = 0, sum_abs = 0;
    for (std::size_t k = 0; k < n; ++k) {
      dot += a[k] * b[k];
      dot_abs += std::abs(a[k] * b[k]);
      sum += a[k];
      sum_abs += std::abs(a[k]);
    }
    check_sum_close(kernels::dot(a.data(), b.data(), n), dot, dot_abs);
    check_sum_close(kernels::sum(a.data(), n), sum, sum_abs);
  }
}

TEST_CASE("kernels::affine, affine_transposed and outer_accumulate equal their plain loops",
          "[nn][kernels]") {
  std::mt19937_64 gen(2);
  // batch sizes around the 8-sample block and 4-sample steps, layer widths around 4
  for (const std::size_t n : {1u, 3u, 8u, 9u, 17u}) {
    for (const std::size_t in : {1u, 3u, 4u, 5u, 9u}) {
      for (const std::size_t out : {1u, 2u, 5u}) {
        INFO("n = " << n << ", in = " << in << ", out = " << out);
        const auto W = random_vector(out * in, gen), b = random_vector(out, gen);
        const auto a = random_vector(in * n, gen), delta = random_vector(out * n, gen);

        std::vector<double> z(out * n);
        kernels::affine(W.data(), b.data(), a.data(), z.data(), in, out, n);
        for (std::size_t o = 0; o < out; ++o)
          for (std::size_t k = 0; k < n; ++k) {
            double s = b[o], s_abs = std::abs(b[o]);
            for (std::size_t i = 0; i < in; ++i) {
              s += W[o * in + i] * a[i * n + k];
              s_abs += std::abs(W[o * in + i] * a[i * n + k]);
            }
            check_sum_close(z[o * n + k], s, s_abs);
          }

        std::vector<double> back(in * n);
        kernels::affine_transposed(W.data(), delta.data(), back.data(), in, out, n);
        for (std::size_t i = 0; i < in; ++i)
          for (std::size_t k = 0; k < n; ++k) {
            double s = 0, s_abs = 0;
            for (std::size_t o = 0; o < out; ++o) {
              s += W[o * in + i] * delta[o * n + k];
              s_abs += std::abs(W[o * in + i] * delta[o * n + k]);
            }
            check_sum_close(back[i * n + k], s, s_abs);
          }

        std::vector<double> dW(out * in, -99.0);  // overwritten, not added to
        kernels::outer_accumulate(delta.data(), a.data(), dW.data(), in, out, n);
        for (std::size_t o = 0; o < out; ++o)
          for (std::size_t i = 0; i < in; ++i) {
            double s = 0, s_abs = 0;
            for (std::size_t k = 0; k < n; ++k) {
              s += delta[o * n + k] * a[i * n + k];
              s_abs += std::abs(delta[o * n + k] * a[i * n + k]);
            }
            check_sum_close(dW[o * in + i], s, s_abs);
          }
      }
    }
  }
}
