#include "data/regression.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "core/check.hpp"
#include "data/rng.hpp"

namespace adagrad::data {
namespace {

Dataset one_column(const RegressionOptions& o) {
  if (o.n_samples < 2) fail("n_samples must be >= 2, got " + std::to_string(o.n_samples));
  if (o.n_samples > 1'000'000) fail("n_samples must be <= 1000000, got " + std::to_string(o.n_samples));
  require_non_negative("noise", o.noise);
  if (o.noise > 1e6) fail("noise must be <= 1000000, got " + format_number(o.noise));
  Dataset d;
  d.n = static_cast<std::size_t>(o.n_samples);
  d.dim = 1;
  d.x.assign(d.n, 0.0);
  d.y.assign(d.n, 0.0);
  return d;
}

// The true line both sets are drawn around.
constexpr double kSlope = 2.0, kIntercept = 1.0;

}  // namespace

Dataset line(const RegressionOptions& o) {
  Dataset d = one_column(o);
  Rng rng(o.seed);
  for (std::size_t k = 0; k < d.n; ++k) d.x[k] = rng.normal();
  for (std::size_t k = 0; k < d.n; ++k) d.y[k] = kSlope * d.x[k] + kIntercept + o.noise * rng.normal();
  return d;
}

Dataset sparse_column(const RegressionOptions& o) {
  Dataset d = one_column(o);
  if (!(std::isfinite(o.density) && o.density > 0 && o.density <= 1))
    fail("density must be in (0, 1], got " + format_number(o.density));
  Rng rng(o.seed);
  const auto ones = std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(o.density * static_cast<double>(d.n))));
  std::vector<std::uint32_t> order(d.n);
  std::iota(order.begin(), order.end(), 0u);
  rng.shuffle(order);
  for (std::size_t k = 0; k < ones; ++k) d.x[order[k]] = 1.0;
  for (std::size_t k = 0; k < d.n; ++k) d.y[k] = kSlope * d.x[k] + kIntercept + o.noise * rng.normal();
  return d;
}

Dataset make_regression_dataset(std::string_view kind, const RegressionOptions& options) {
  if (kind == "line") return line(options);
  if (kind == "sparse_column") return sparse_column(options);
  fail("kind must be one of \"line\", \"sparse_column\", got \"" + std::string(kind) + "\"");
}

}  // namespace adagrad::data
