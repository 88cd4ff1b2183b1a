#include "data/dataset.hpp"

#include <numeric>
#include <string>

#include "core/check.hpp"
#include "data/numpy_legacy.hpp"
#include "data/portable_math.hpp"
#include "data/rng.hpp"

namespace adagrad::data {
namespace {

constexpr double kPi = 3.14159265358979323846;

void check_options(const DatasetOptions& o) {
  if (o.n_samples < 2) fail("n_samples must be >= 2, got " + std::to_string(o.n_samples));
  if (o.n_samples > 1'000'000) fail("n_samples must be <= 1000000, got " + std::to_string(o.n_samples));
  require_non_negative("noise", o.noise);
  if (o.noise > 1e6) fail("noise must be <= 1000000, got " + format_number(o.noise));
}

Dataset empty_2d(long long n) {
  Dataset d;
  d.n = static_cast<std::size_t>(n);
  d.dim = 2;
  d.x.resize(d.n * 2);
  d.y.resize(d.n);
  return d;
}

// Jitter every coordinate, then shuffle the rows: the last two steps of every generator.
void jitter_and_shuffle(Dataset& d, double noise, Rng& rng) {
  for (auto& v : d.x) v += noise * rng.normal();
  std::vector<std::uint32_t> order(d.n);
  std::iota(order.begin(), order.end(), 0u);
  rng.shuffle(order);
  Dataset out = d;
  for (std::size_t k = 0; k < d.n; ++k) {
    out.x[2 * k] = d.x[2 * order[k]];
    out.x[2 * k + 1] = d.x[2 * order[k] + 1];
    out.y[k] = d.y[order[k]];
  }
  d = std::move(out);
}

}  // namespace

void validate(const Dataset& d) {
  if (d.n < 1) fail("a data set needs at least 1 sample, got 0");
  if (d.dim < 1) fail("a data set needs at least 1 input column, got 0");
  require_same_size("x", d.x.size(), "n × dim", checked_product("x", d.n, d.dim));
  require_same_size("y", d.y.size(), "n", d.n);
  require_all_finite("x", d.x);
  require_all_finite("y", d.y);
}

Dataset spiral(const DatasetOptions& o) {
  check_options(o);
  Rng rng(o.seed);
  Dataset d = empty_2d(o.n_samples);
  const std::size_t half = d.n / 2, first = d.n - half;  // class 0 takes the odd sample
  auto arm = [&](std::size_t offset, std::size_t m, double turn, double label) {
    for (std::size_t i = 0; i < m; ++i) {
      // numpy's linspace: evenly spaced, both ends included
      const double f = m > 1 ? static_cast<double>(i) / static_cast<double>(m - 1) : 0.0;
      const double theta = 4 * kPi * f + turn, r = 0.5 + 1.5 * f;
      d.x[2 * (offset + i)] = r * portable_cos(theta);
      d.x[2 * (offset + i) + 1] = r * portable_sin(theta);
      d.y[offset + i] = label;
    }
  };
  arm(0, first, 0.0, 0.0);
  arm(first, half, kPi, 1.0);
  jitter_and_shuffle(d, o.noise, rng);
  return d;
}

Dataset notebook_spiral(const DatasetOptions& o) {
  check_options(o);
  if (o.n_samples % 2) fail("n_samples must be even for the notebook's spiral, got " + std::to_string(o.n_samples));
  NumpyLegacyRandom rng(o.seed);
  const std::size_t m = static_cast<std::size_t>(o.n_samples), half = m / 2;
  // Built as the notebook does: a 2 × m array, class 0's arm then class 1's.
  std::vector<double> rows(2 * m);
  const double theta_step = 4 * kPi / static_cast<double>(half - 1), r_step = 1.5 / static_cast<double>(half - 1);
  for (std::size_t i = 0; i < half; ++i) {
    // numpy's linspace: i·step + start, the last value exactly the stop
    const double theta = i + 1 == half ? 4 * kPi : static_cast<double>(i) * theta_step;
    const double r = i + 1 == half ? 2.0 : static_cast<double>(i) * r_step + 0.5;
    rows[i] = r * portable_cos(theta);
    rows[m + i] = r * portable_sin(theta);
    rows[half + i] = r * portable_cos(theta + kPi);
    rows[m + half + i] = r * portable_sin(theta + kPi);
  }
  for (auto& v : rows) v += rng.gauss() * o.noise;  // X += randn(2, m) * noise, row by row
  const auto order = rng.permutation(static_cast<std::uint32_t>(m));
  Dataset d = empty_2d(o.n_samples);
  for (std::size_t k = 0; k < m; ++k) {
    d.x[2 * k] = rows[order[k]];
    d.x[2 * k + 1] = rows[m + order[k]];
    d.y[k] = order[k] < half ? 0.0 : 1.0;
  }
  return d;
}

Dataset circle(const DatasetOptions& o) {
  check_options(o);
  Rng rng(o.seed);
  Dataset d = empty_2d(o.n_samples);
  for (std::size_t k = 0; k < d.n; ++k) {
    const bool inner = k % 2 == 0;
    const double r = inner ? rng.uniform(0.0, 1.0) : rng.uniform(1.4, 2.0);
    const double angle = rng.uniform(0.0, 2 * kPi);
    d.x[2 * k] = r * portable_cos(angle);
    d.x[2 * k + 1] = r * portable_sin(angle);
    d.y[k] = inner ? 1.0 : 0.0;
  }
  jitter_and_shuffle(d, o.noise, rng);
  return d;
}

Dataset xor_quadrants(const DatasetOptions& o) {
  check_options(o);
  Rng rng(o.seed);
  Dataset d = empty_2d(o.n_samples);
  for (std::size_t k = 0; k < d.n; ++k) {
    double a = rng.uniform(-2.0, 2.0), b = rng.uniform(-2.0, 2.0);
    a += a > 0 ? 0.2 : -0.2;  // keep clear of the axes, as playground does
    b += b > 0 ? 0.2 : -0.2;
    d.x[2 * k] = a;
    d.x[2 * k + 1] = b;
    d.y[k] = a * b > 0 ? 1.0 : 0.0;
  }
  jitter_and_shuffle(d, o.noise, rng);
  return d;
}

Dataset gaussians(const DatasetOptions& o) {
  check_options(o);
  Rng rng(o.seed);
  Dataset d = empty_2d(o.n_samples);
  for (std::size_t k = 0; k < d.n; ++k) {
    const double label = k % 2 == 0 ? 1.0 : 0.0, centre = label > 0 ? 1.0 : -1.0;
    d.x[2 * k] = centre + 0.5 * rng.normal();
    d.x[2 * k + 1] = centre + 0.5 * rng.normal();
    d.y[k] = label;
  }
  jitter_and_shuffle(d, o.noise, rng);
  return d;
}

Dataset make_dataset(std::string_view kind, const DatasetOptions& options) {
  if (kind == "spiral") return spiral(options);
  if (kind == "notebook_spiral") return notebook_spiral(options);
  if (kind == "circle") return circle(options);
  if (kind == "xor") return xor_quadrants(options);
  if (kind == "gaussians") return gaussians(options);
  fail("kind must be one of \"spiral\", \"notebook_spiral\", \"circle\", \"xor\", \"gaussians\", got \"" +
       std::string(kind) + "\"");
}

}  // namespace adagrad::data
