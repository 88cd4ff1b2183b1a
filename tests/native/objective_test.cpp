// The objectives' gradients against central finite differences at random points, their values
// against the formulas in their doc comments, and the least-squares minimum against its
// closed form.
#include <catch2/catch.hpp>

#include <cfloat>
#include <cmath>
#include <random>
#include <vector>

#include "data/dataset.hpp"
#include "objectives/linear_regression.hpp"
#include "objectives/quadratic.hpp"

using namespace adagrad;
using objectives::LinearRegressionMse;
using objectives::Objective;
using objectives::Quadratic;

namespace {

// Central differences, (f(x + h e_i) - f(x - h e_i)) / 2h, against the analytic gradient to
// 1e-6 relative, with h scaled to the coordinate so that it is neither lost in rounding nor too coarse.
void check_gradient_by_finite_differences(const Objective& f, std::vector<double> x) {
  std::vector<double> grad(f.dim());
  f.gradient(x, grad);
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double h = 1e-6 * std::max(1.0, std::abs(x[i]));
    const double xi = x[i];
    x[i] = xi + h;
    const double up = f.value(x);
    x[i] = xi - h;
    const double down = f.value(x);
    x[i] = xi;
    const double numeric = (up - down) / (2 * h);
    // f's own rounding, a few ulps of |f|, is divided by 2h in the difference: allow for it, so
    // that a small component next to a large f is still checked as tightly as it can be
    const double rounding = 8 * DBL_EPSILON * std::max(std::abs(up), std::abs(down)) / (2 * h);
    INFO("coordinate " << i << " at x = " << xi);
    CHECK(grad[i] == Approx(numeric).epsilon(1e-6).margin(rounding + 1e-12));
  }
}

data::Dataset line_data(std::size_t n, double slope, double intercept, double noise, unsigned seed) {
  std::mt19937_64 gen(seed);
  std::uniform_real_distribution<double> u(-3, 3);
  std::normal_distribution<double> e(0, 1);
  data::Dataset d;
  d.n = n;
  d.dim = 1;
  for (std::size_t k = 0; k < n; ++k) {
    const double x = u(gen);
    d.x.push_back(x);
    d.y.push_back(slope * x + intercept + noise * e(gen));
  }
  return d;
}

}  // namespace

TEST_CASE("quadratic's value is the weighted sum of squares and its minimum is 0", "[objectives][quadratic]") {
  const Quadratic f({1, 10});
  CHECK(f.dim() == 2);
  CHECK(f.value(std::vector<double>{3, -2}) == 9 + 40);
  std::vector<double> g(2);
  f.gradient(std::vector<double>{3, -2}, g);
  CHECK(g == std::vector<double>{6, -40});
  CHECK(f.minimum() == std::vector<double>{0, 0});
  CHECK(f.value(f.minimum()) == 0);
  CHECK(f.start() == std::vector<double>{5, 5});  // the documented default start
  CHECK(Quadratic({2}, {-1.5}).start() == std::vector<double>{-1.5});
}

TEST_CASE("quadratic's gradient matches central differences at random points", "[objectives][quadratic][gradcheck]") {
  std::mt19937_64 gen(7);
  std::uniform_real_distribution<double> u(-10, 10);
  const Quadratic f({1, 10, 0.3, 250});
  for (int trial = 0; trial < 20; ++trial) {
    std::vector<double> x(4);
    for (auto& v : x) v = u(gen);
    check_gradient_by_finite_differences(f, x);
  }
}

TEST_CASE("linear regression's gradient matches central differences at random points",
          "[objectives][linear_regression][gradcheck]") {
  std::mt19937_64 gen(11);
  std::uniform_real_distribution<double> u(-2, 2);
  // three input columns, one of them mostly zero (the lecture's stretched valley)
  data::Dataset d;
  d.n = 40;
  d.dim = 3;
  for (std::size_t k = 0; k < d.n; ++k) {
    d.x.push_back(u(gen));
    d.x.push_back(u(gen));
    d.x.push_back(k % 10 == 0 ? 1.0 : 0.0);
    d.y.push_back(u(gen));
  }
  const LinearRegressionMse f(d);
  CHECK(f.dim() == 4);
  CHECK(f.start() == std::vector<double>(4, 0.0));
  for (int trial = 0; trial < 20; ++trial) {
    std::vector<double> p(4);
    for (auto& v : p) v = 3 * u(gen);
    check_gradient_by_finite_differences(f, p);
  }
}

TEST_CASE("linear regression's value is the mean squared residual", "[objectives][linear_regression]") {
  data::Dataset d{.n = 3, .dim = 1, .x = {0, 1, 2}, .y = {1, 2, 7}};
  const LinearRegressionMse f(d);
  // w = 2, b = 1: predictions 1, 3, 5; residuals 0, 1, -2; mean of squares 5/3
  CHECK(f.value(std::vector<double>{2, 1}) == Approx(5.0 / 3.0).epsilon(1e-15));
  std::vector<double> g(2);
  f.gradient(std::vector<double>{2, 1}, g);
  // dL/dw = (2/3) sum r x = (2/3)(0 + 1 - 4) = -2, dL/db = (2/3) sum r = (2/3)(-1)
  CHECK(g[0] == Approx(-2.0).epsilon(1e-15));
  CHECK(g[1] == Approx(-2.0 / 3.0).epsilon(1e-15));
}

TEST_CASE("linear regression's minimum recovers y = 2x + 1 with zero gradient", "[objectives][linear_regression]") {
  const LinearRegressionMse f(line_data(50, 2.0, 1.0, 0.0, 3));
  const auto p = f.minimum();
  REQUIRE(p.size() == 2);
  CHECK(p[0] == Approx(2.0).epsilon(1e-12));
  CHECK(p[1] == Approx(1.0).epsilon(1e-12));
  std::vector<double> g(2);
  f.gradient(p, g);
  CHECK(std::abs(g[0]) < 1e-9);
  CHECK(std::abs(g[1]) < 1e-9);
  CHECK(f.value(p) < 1e-20);
}

TEST_CASE("linear regression's minimum matches the closed form on noisy data", "[objectives][linear_regression]") {
  const auto d = line_data(200, 2.0, 1.0, 0.5, 5);
  // slope = cov(x, y) / var(x), intercept = mean(y) - slope mean(x)
  double mx = 0, my = 0;
  for (std::size_t k = 0; k < d.n; ++k) {
    mx += d.x[k];
    my += d.y[k];
  }
  mx /= static_cast<double>(d.n);
  my /= static_cast<double>(d.n);
  double sxy = 0, sxx = 0;
  for (std::size_t k = 0; k < d.n; ++k) {
    sxy += (d.x[k] - mx) * (d.y[k] - my);
    sxx += (d.x[k] - mx) * (d.x[k] - mx);
  }
  const double slope = sxy / sxx, intercept = my - slope * mx;

  const LinearRegressionMse f(d);
  const auto p = f.minimum();
  CHECK(p[0] == Approx(slope).epsilon(1e-10));
  CHECK(p[1] == Approx(intercept).epsilon(1e-10));
  std::vector<double> g(2);
  f.gradient(p, g);
  CHECK(std::abs(g[0]) < 1e-9);
  CHECK(std::abs(g[1]) < 1e-9);
  // and any nudge away from it costs
  for (const auto& nudge : {std::vector<double>{1e-3, 0}, std::vector<double>{0, -1e-3}})
    CHECK(f.value(std::vector<double>{p[0] + nudge[0], p[1] + nudge[1]}) > f.value(p));
}

TEST_CASE("linear regression's minimum in several dimensions has zero gradient", "[objectives][linear_regression]") {
  std::mt19937_64 gen(13);
  std::normal_distribution<double> e(0, 1);
  data::Dataset d;
  d.n = 100;
  d.dim = 3;
  for (std::size_t k = 0; k < d.n; ++k) {
    double y = 0.5;
    for (int j = 0; j < 3; ++j) {
      d.x.push_back(e(gen));
      y += (j + 1) * d.x.back();
    }
    d.y.push_back(y + 0.1 * e(gen));
  }
  const LinearRegressionMse f(d);
  const auto p = f.minimum();
  std::vector<double> g(4);
  f.gradient(p, g);
  for (double gi : g) CHECK(std::abs(gi) < 1e-9);
  CHECK(p[0] == Approx(1).epsilon(0).margin(0.05));
  CHECK(p[1] == Approx(2).epsilon(0).margin(0.05));
  CHECK(p[2] == Approx(3).epsilon(0).margin(0.05));
  CHECK(p[3] == Approx(0.5).epsilon(0).margin(0.05));
}
