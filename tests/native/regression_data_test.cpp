// The lesson's regression sets against their doc comments: the noisy line y = 2x + 1 and the
// rare binary column that stretches the loss into a valley.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "data/regression.hpp"
#include "objectives/linear_regression.hpp"

using namespace adagrad;
using Catch::Message;

TEST_CASE("line without noise is exactly y = 2x + 1 with x roughly N(0, 1)", "[data][regression]") {
  const data::Dataset d = data::line({.n_samples = 2000, .noise = 0.0, .seed = 3});
  REQUIRE(d.n == 2000);
  CHECK(d.dim == 1);
  double s = 0, s2 = 0;
  for (std::size_t k = 0; k < d.n; ++k) {
    CHECK(d.y[k] == 2 * d.x[k] + 1);
    s += d.x[k];
    s2 += d.x[k] * d.x[k];
  }
  CHECK(s / 2000 == Approx(0).epsilon(0).margin(5 / std::sqrt(2000.0)));
  CHECK(s2 / 2000 == Approx(1).epsilon(0).margin(5 * std::sqrt(2.0 / 2000)));
  const auto p = objectives::LinearRegressionMse(d).minimum();
  CHECK(p[0] == Approx(2).epsilon(1e-12));
  CHECK(p[1] == Approx(1).epsilon(1e-12));
}

TEST_CASE("line's noise is the standard deviation of y around 2x + 1", "[data][regression]") {
  const data::Dataset d = data::line({.n_samples = 4000, .noise = 0.3, .seed = 4});
  double s2 = 0;
  for (std::size_t k = 0; k < d.n; ++k) s2 += (d.y[k] - 2 * d.x[k] - 1) * (d.y[k] - 2 * d.x[k] - 1);
  CHECK(std::sqrt(s2 / 4000) == Approx(0.3).epsilon(0.05));
  // and the same seed draws the same set
  CHECK(data::line({.n_samples = 4000, .noise = 0.3, .seed = 4}).y == d.y);
  CHECK(data::line({.n_samples = 4000, .noise = 0.3, .seed = 5}).y != d.y);
}

TEST_CASE("sparse_column is 1 in round(density n) rows, at least one, and 0 elsewhere", "[data][regression]") {
  for (const double density : {0.1, 0.25, 1.0, 1e-6}) {
    INFO("density " << density);
    const data::Dataset d = data::sparse_column({.n_samples = 200, .noise = 0.0, .density = density});
    long long ones = 0;
    for (std::size_t k = 0; k < d.n; ++k) {
      CHECK((d.x[k] == 0.0 || d.x[k] == 1.0));
      ones += d.x[k] == 1.0;
      CHECK(d.y[k] == 2 * d.x[k] + 1);
    }
    CHECK(ones == std::max(1LL, std::llround(density * 200)));
  }
}

TEST_CASE("make_regression_dataset by name returns what the named generator returns", "[data][regression]") {
  const data::RegressionOptions o{.n_samples = 30, .noise = 0.2, .seed = 5, .density = 0.2};
  CHECK(data::make_regression_dataset("line", o).y == data::line(o).y);
  CHECK(data::make_regression_dataset("sparse_column", o).x == data::sparse_column(o).x);
  REQUIRE_THROWS_MATCHES(data::make_regression_dataset("spiral"), std::invalid_argument,
                         Message("kind must be one of \"line\", \"sparse_column\", got \"spiral\""));
}

TEST_CASE("the regression sets refuse bad sizes, noise and density", "[reject][data][regression]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  REQUIRE_THROWS_MATCHES(data::line({.n_samples = 1}), std::invalid_argument, Message("n_samples must be >= 2, got 1"));
  REQUIRE_THROWS_MATCHES(data::line({.noise = -1}), std::invalid_argument, Message("noise must be finite and >= 0, got -1"));
  REQUIRE_THROWS_MATCHES(data::sparse_column({.n_samples = 0}), std::invalid_argument, Message("n_samples must be >= 2, got 0"));
  REQUIRE_THROWS_MATCHES(data::sparse_column({.density = 0}), std::invalid_argument, Message("density must be in (0, 1], got 0"));
  REQUIRE_THROWS_MATCHES(data::sparse_column({.density = 1.5}), std::invalid_argument, Message("density must be in (0, 1], got 1.5"));
  REQUIRE_THROWS_MATCHES(data::sparse_column({.density = nan}), std::invalid_argument, Message("density must be in (0, 1], got nan"));
}
