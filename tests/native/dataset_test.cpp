// The data generators against their doc comments: n rows of 2 finite values, balanced 0/1
// labels, bit-identical output per seed, and each set's geometry (the notebook's spiral arms,
// the disc and ring, the quadrants, the blobs).
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "data/dataset.hpp"

using namespace adagrad::data;

namespace {

constexpr double kPi = 3.14159265358979323846;

const std::vector<std::string> kKinds{"spiral", "circle", "xor", "gaussians"};

long long count_label(const Dataset& d, double label) {
  long long c = 0;
  for (double y : d.y) c += y == label;
  return c;
}

}  // namespace

TEST_CASE("every generator returns n rows of 2 finite values with 0/1 labels", "[data]") {
  for (const auto& kind : kKinds) {
    for (const long long n : {2LL, 3LL, 301LL}) {
      INFO(kind << " n = " << n);
      const Dataset d = make_dataset(kind, {.n_samples = n, .noise = 0.2, .seed = 9});
      CHECK(d.n == static_cast<std::size_t>(n));
      CHECK(d.dim == 2);
      REQUIRE(d.x.size() == 2 * d.n);
      REQUIRE(d.y.size() == d.n);
      for (double v : d.x) CHECK(std::isfinite(v));
      for (double y : d.y) CHECK((y == 0.0 || y == 1.0));
      CHECK_NOTHROW(validate(d));
    }
  }
}

TEST_CASE("spiral, circle and gaussians split the classes n/2 and n - n/2", "[data]") {
  for (const long long n : {300LL, 301LL, 2LL, 7LL}) {
    INFO("n = " << n);
    // the spiral's class 0 takes the odd sample; circle and gaussians give it to class 1
    const Dataset s = spiral({.n_samples = n});
    CHECK(count_label(s, 0) == n - n / 2);
    CHECK(count_label(s, 1) == n / 2);
    const Dataset c = circle({.n_samples = n});
    CHECK(count_label(c, 1) == n - n / 2);
    CHECK(count_label(c, 0) == n / 2);
    const Dataset g = gaussians({.n_samples = n});
    CHECK(count_label(g, 1) == n - n / 2);
    CHECK(count_label(g, 0) == n / 2);
  }
}

TEST_CASE("xor labels follow the quadrant, stay 0.2 off the axes and come out about even", "[data][xor]") {
  const long long n = 2000;
  const Dataset d = xor_quadrants({.n_samples = n, .noise = 0.0, .seed = 5});
  for (std::size_t k = 0; k < d.n; ++k) {
    const double a = d.x[2 * k], b = d.x[2 * k + 1];
    CHECK(std::abs(a) >= 0.2);
    CHECK(std::abs(b) >= 0.2);
    CHECK(std::abs(a) <= 2.2);
    CHECK(std::abs(b) <= 2.2);
    CHECK(d.y[k] == (a * b > 0 ? 1.0 : 0.0));
  }
  // a fair coin per sample: within 5 standard deviations (sqrt(n)/2 ~ 22) of n/2
  CHECK(std::abs(static_cast<double>(count_label(d, 1)) - n / 2.0) < 5 * std::sqrt(n) / 2);
}

TEST_CASE("the same seed gives bit-identical data and another seed different data", "[data][seed]") {
  for (const auto& kind : kKinds) {
    INFO(kind);
    const Dataset a = make_dataset(kind, {.n_samples = 200, .noise = 0.1, .seed = 123});
    const Dataset b = make_dataset(kind, {.n_samples = 200, .noise = 0.1, .seed = 123});
    const Dataset c = make_dataset(kind, {.n_samples = 200, .noise = 0.1, .seed = 124});
    CHECK(a.x == b.x);
    CHECK(a.y == b.y);
    CHECK(a.x != c.x);
  }
}

TEST_CASE("make_dataset by name returns what the named generator returns", "[data]") {
  const DatasetOptions o{.n_samples = 50, .noise = 0.3, .seed = 77};
  CHECK(make_dataset("spiral", o).x == spiral(o).x);
  CHECK(make_dataset("circle", o).x == circle(o).x);
  CHECK(make_dataset("xor", o).x == xor_quadrants(o).x);
  CHECK(make_dataset("gaussians", o).x == gaussians(o).x);
  CHECK(make_dataset("gaussians", o).y == gaussians(o).y);
  // and the defaults are the documented 300 samples, noise 0.1, seed 42
  const DatasetOptions defaults;
  CHECK(defaults.n_samples == 300);
  CHECK(defaults.noise == 0.1);
  CHECK(defaults.seed == 42);
  CHECK(make_dataset("spiral").x == spiral({.n_samples = 300, .noise = 0.1, .seed = 42}).x);
}

TEST_CASE("spiral without noise lies on the notebook's arms: r from 0.5 to 2, theta from 0 to 4 pi",
          "[data][spiral]") {
  const long long n = 200;
  const std::size_t m = n / 2;
  const Dataset d = spiral({.n_samples = n, .noise = 0.0, .seed = 3});
  // Each arm has m points with f = i / (m - 1), r = 0.5 + 1.5 f, theta = 4 pi f (+ pi for class 1).
  std::vector<int> seen0(m, 0), seen1(m, 0);
  for (std::size_t k = 0; k < d.n; ++k) {
    const double x = d.x[2 * k], y = d.x[2 * k + 1];
    const double r = std::hypot(x, y);
    CHECK(r >= 0.5 - 1e-12);
    CHECK(r <= 2.0 + 1e-12);
    const auto i = static_cast<std::size_t>(std::lround((r - 0.5) / 1.5 * static_cast<double>(m - 1)));
    REQUIRE(i < m);
    const double f = static_cast<double>(i) / static_cast<double>(m - 1);
    const double theta = 4 * kPi * f + (d.y[k] == 1.0 ? kPi : 0.0);
    INFO("sample " << k << " arm point " << i);
    CHECK(x == Approx((0.5 + 1.5 * f) * std::cos(theta)).epsilon(0).margin(1e-12));
    CHECK(y == Approx((0.5 + 1.5 * f) * std::sin(theta)).epsilon(0).margin(1e-12));
    ++(d.y[k] == 1.0 ? seen1 : seen0)[i];
  }
  // every point of each arm appears exactly once
  CHECK(seen0 == std::vector<int>(m, 1));
  CHECK(seen1 == std::vector<int>(m, 1));
}

TEST_CASE("spiral's class 1 is class 0 rotated by pi", "[data][spiral]") {
  const Dataset d = spiral({.n_samples = 120, .noise = 0.0, .seed = 8});
  std::vector<std::pair<double, double>> zero, one;
  for (std::size_t k = 0; k < d.n; ++k)
    (d.y[k] == 0.0 ? zero : one).emplace_back(d.x[2 * k], d.x[2 * k + 1]);
  REQUIRE(zero.size() == one.size());
  std::vector<bool> used(zero.size(), false);
  for (const auto& [x, y] : one) {
    // the class-0 point nearest to (-x, -y) must be (-x, -y) itself, up to rounding
    std::size_t best = 0;
    double best_d = INFINITY;
    for (std::size_t j = 0; j < zero.size(); ++j) {
      const double dist = std::hypot(zero[j].first + x, zero[j].second + y);
      if (dist < best_d) {
        best_d = dist;
        best = j;
      }
    }
    CHECK(best_d < 1e-12);
    CHECK_FALSE(used[best]);
    used[best] = true;
  }
}

TEST_CASE("circle without noise puts class 1 inside r = 1 and class 0 in the ring 1.4 to 2", "[data][circle]") {
  const Dataset d = circle({.n_samples = 500, .noise = 0.0, .seed = 4});
  for (std::size_t k = 0; k < d.n; ++k) {
    const double r = std::hypot(d.x[2 * k], d.x[2 * k + 1]);
    if (d.y[k] == 1.0) {
      CHECK(r < 1.0 + 1e-12);
    } else {
      CHECK(r >= 1.4 - 1e-12);
      CHECK(r < 2.0 + 1e-12);
    }
  }
}

TEST_CASE("gaussians centre class 1 near (1, 1) and class 0 near (-1, -1) with sd 0.5", "[data][gaussians]") {
  const Dataset d = gaussians({.n_samples = 4000, .noise = 0.0, .seed = 6});
  double sum[2][2] = {}, sq[2][2] = {};
  long long count[2] = {};
  for (std::size_t k = 0; k < d.n; ++k) {
    const int c = d.y[k] == 1.0 ? 1 : 0;
    ++count[c];
    for (int j = 0; j < 2; ++j) {
      sum[c][j] += d.x[2 * k + j];
      sq[c][j] += d.x[2 * k + j] * d.x[2 * k + j];
    }
  }
  for (int c = 0; c < 2; ++c)
    for (int j = 0; j < 2; ++j) {
      const double mean = sum[c][j] / static_cast<double>(count[c]);
      const double sd = std::sqrt(sq[c][j] / static_cast<double>(count[c]) - mean * mean);
      INFO("class " << c << " coordinate " << j);
      CHECK(mean == Approx(c == 1 ? 1.0 : -1.0).epsilon(0).margin(5 * 0.5 / std::sqrt(2000.0)));
      CHECK(sd == Approx(0.5).epsilon(0.05));
    }
}

TEST_CASE("noise adds Gaussian jitter of the given standard deviation to every coordinate", "[data][noise]") {
  // With the same seed the generators draw the same numbers whatever the noise, so the
  // difference between a noisy and a clean set is exactly noise * N(0, 1) per coordinate.
  for (const auto& kind : kKinds) {
    INFO(kind);
    const Dataset clean = make_dataset(kind, {.n_samples = 2000, .noise = 0.0, .seed = 21});
    const Dataset noisy = make_dataset(kind, {.n_samples = 2000, .noise = 0.1, .seed = 21});
    REQUIRE(clean.y == noisy.y);
    double s = 0, s2 = 0;
    for (std::size_t i = 0; i < clean.x.size(); ++i) {
      const double e = noisy.x[i] - clean.x[i];
      s += e;
      s2 += e * e;
    }
    const double count = static_cast<double>(clean.x.size());
    CHECK(s / count == Approx(0).epsilon(0).margin(5 * 0.1 / std::sqrt(count)));
    CHECK(std::sqrt(s2 / count) == Approx(0.1).epsilon(0.05));
  }
}

// Once a bug: noise had no upper bound, so a finite noise such as 1e308 turned
// points into inf. A generator should either refuse such a noise or return finite points.
TEST_CASE("a generator never returns non-finite points, even at a huge noise", "[data][noise]") {
  bool refused = false, all_finite = true;
  try {
    const Dataset d = spiral({.n_samples = 100, .noise = 1e308});
    for (double v : d.x) all_finite = all_finite && std::isfinite(v);
  } catch (const std::invalid_argument&) {
    refused = true;
  }
  CHECK((refused || all_finite));
}
