// objectives::run, the path every race and animation draws: its shape, its rows against the
// closed form of gradient descent on a quadratic, and how it stops at divergence.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "objectives/quadratic.hpp"
#include "objectives/trajectory.hpp"
#include "optim/adagrad.hpp"
#include "optim/rmsprop.hpp"
#include "optim/sgd.hpp"

using namespace adagrad;
using objectives::Quadratic;
using objectives::run;

namespace {

bool all_finite(const std::vector<double>& v) {
  for (double x : v)
    if (!std::isfinite(x)) return false;
  return true;
}

}  // namespace

TEST_CASE("run keeps the start as row 0, one row per step and f at every row", "[objectives][trajectory]") {
  const Quadratic f({1, 10});
  optim::Adagrad opt({.lr = 0.5});
  const std::vector<double> x0{3, -2};
  const auto t = run(opt, f, x0, 12);
  CHECK(t.dim == 2);
  CHECK(t.steps_taken() == 12);
  REQUIRE(t.params.size() == 13 * 2);
  REQUIRE(t.values.size() == 13);
  CHECK_FALSE(t.diverged_at.has_value());
  CHECK(t.params[0] == 3);
  CHECK(t.params[1] == -2);
  for (std::size_t r = 0; r < t.values.size(); ++r) {
    const double x = t.params[2 * r], y = t.params[2 * r + 1];
    CHECK(t.values[r] == Approx(x * x + 10 * y * y).epsilon(1e-15));
  }
}

TEST_CASE("run with zero steps returns just the start", "[objectives][trajectory]") {
  const Quadratic f({1});
  optim::Sgd opt;
  const auto t = run(opt, f, std::vector<double>{4}, 0);
  CHECK(t.steps_taken() == 0);
  CHECK(t.params == std::vector<double>{4});
  CHECK(t.values == std::vector<double>{16});
  CHECK_FALSE(t.diverged_at.has_value());
}

TEST_CASE("run's rows follow the closed form of sgd on a quadratic", "[objectives][trajectory]") {
  // x_k = x0 (1 - 2 lr s)^k per coordinate
  const Quadratic f({1, 10});
  optim::Sgd opt({.lr = 0.01});
  const auto t = run(opt, f, std::vector<double>{5, 5}, 30);
  REQUIRE(t.steps_taken() == 30);
  for (int k = 0; k <= 30; ++k) {
    INFO("row " << k);
    CHECK(t.params[2 * k] == Approx(5 * std::pow(0.98, k)).epsilon(1e-12));
    CHECK(t.params[2 * k + 1] == Approx(5 * std::pow(0.8, k)).epsilon(1e-12));
  }
}

TEST_CASE("run starts from a clean optimizer, so running twice gives the same path", "[objectives][trajectory]") {
  const Quadratic f({1, 10});
  optim::Sgd opt({.lr = 0.01, .momentum = 0.9});
  const auto first = run(opt, f, std::vector<double>{5, 5}, 40);
  const auto second = run(opt, f, std::vector<double>{5, 5}, 40);
  CHECK(first.params == second.params);
  CHECK(first.values == second.values);
}

TEST_CASE("sgd with lr 50 on x^2 diverges at step 77 and the path holds only finite numbers",
          "[objectives][trajectory][divergence]") {
  // x_k = 5 (1 - 100)^k = 5 (-99)^k; f = x^2 overflows when 5 * 99^k > 1.34e154, first at k = 77.
  long long first_bad = 0;
  double x = 5;
  for (long long k = 1; first_bad == 0; ++k) {
    x *= -99;
    if (!std::isfinite(x * x)) first_bad = k;
  }
  REQUIRE(first_bad == 77);

  const Quadratic f({1});
  optim::Sgd opt({.lr = 50});
  const auto t = run(opt, f, std::vector<double>{5}, 200);
  REQUIRE(t.diverged_at.has_value());
  CHECK(*t.diverged_at == first_bad);
  CHECK(t.steps_taken() == first_bad - 1);  // the path stops before the bad step
  CHECK(t.params.size() == static_cast<std::size_t>(first_bad));
  CHECK(all_finite(t.params));
  CHECK(all_finite(t.values));
  CHECK(t.params.back() == Approx(5 * std::pow(-99.0, 76)).epsilon(1e-12));
}

TEST_CASE("sgd with lr 50 on the valley w^2 + 10 b^2 diverges at step 51", "[objectives][trajectory][divergence]") {
  // the steep coordinate grows by -999 a step: 10 (5 * 999^k)^2 first overflows at k = 51
  long long first_bad = 0;
  double w = 5, b = 5;
  for (long long k = 1; first_bad == 0; ++k) {
    w *= -99;
    b *= -999;
    if (!std::isfinite(w * w + 10 * b * b)) first_bad = k;
  }
  REQUIRE(first_bad == 51);

  optim::Sgd opt({.lr = 50});
  const auto t = run(opt, Quadratic({1, 10}), std::vector<double>{5, 5}, 1000);
  REQUIRE(t.diverged_at.has_value());
  CHECK(*t.diverged_at == first_bad);
  CHECK(t.values.size() == static_cast<std::size_t>(first_bad));
  CHECK(all_finite(t.params));
  CHECK(all_finite(t.values));
}

TEST_CASE("adagrad on x^2 does not diverge even at lr 50", "[objectives][trajectory][divergence]") {
  // AdaGrad's first step is lr sign(g): its steps shrink as G grows, so nothing overflows
  optim::Adagrad opt({.lr = 50});
  const auto t = run(opt, Quadratic({1}), std::vector<double>{5}, 500);
  CHECK_FALSE(t.diverged_at.has_value());
  CHECK(t.steps_taken() == 500);
  CHECK(all_finite(t.params));
}

TEST_CASE("run records adagrad's effective rate after every step, and none for sgd", "[objectives][trajectory]") {
  const Quadratic f({1, 10});
  optim::Adagrad opt({.lr = 0.5});
  const auto t = run(opt, f, std::vector<double>{3, -2}, 6);
  REQUIRE(t.rates.size() == 6 * 2);
  // by hand: G_i accumulates (2 s_i x_i)^2 along the path itself
  const double s[2] = {1, 10};
  double G[2] = {0, 0};
  for (int k = 0; k < 6; ++k)
    for (int i = 0; i < 2; ++i) {
      const double g = 2 * s[i] * t.params[2 * k + i];
      G[i] += g * g;
      INFO("step " << k + 1 << " coordinate " << i);
      CHECK(t.rates[2 * k + i] == Approx(0.5 / (std::sqrt(G[i]) + 1e-10)).epsilon(1e-14));
      CHECK(t.params[2 * (k + 1) + i] == Approx(t.params[2 * k + i] - t.rates[2 * k + i] * g).epsilon(1e-14));
    }
  optim::Sgd sgd({.lr = 0.01});
  CHECK(run(sgd, f, std::vector<double>{3, -2}, 6).rates.empty());
}

TEST_CASE("a diverged run keeps rates only for the steps it kept", "[objectives][trajectory][divergence]") {
  // RMSProp's first step is about lr / sqrt(1 - alpha) = 10 lr: at lr 1e305, x^2 overflows at once
  optim::Rmsprop opt({.lr = 1e305});
  const auto t = run(opt, Quadratic({1}), std::vector<double>{5}, 10);
  REQUIRE(t.diverged_at.has_value());
  CHECK(*t.diverged_at == 1);
  CHECK(t.steps_taken() == 0);
  CHECK(t.rates.empty());
}

TEST_CASE("value_grid is f at every cell centre, row 0 at the top", "[objectives][grid]") {
  const Quadratic f({1, 10});
  const auto v = objectives::value_grid(f, {.x_min = -1, .x_max = 1, .y_min = -1, .y_max = 1, .nx = 4, .ny = 2});
  REQUIRE(v.size() == 8);
  // x centres -0.75, -0.25, 0.25, 0.75; y is 0.5 in row 0 and -0.5 in row 1
  const double xs[4] = {-0.75, -0.25, 0.25, 0.75}, ys[2] = {0.5, -0.5};
  for (int r = 0; r < 2; ++r)
    for (int c = 0; c < 4; ++c) CHECK(v[4 * r + c] == xs[c] * xs[c] + 10 * ys[r] * ys[r]);
  // on a grid above the axis a swapped row order would show
  const auto top = objectives::value_grid(f, {.x_min = 0, .x_max = 1, .y_min = 0, .y_max = 2, .nx = 1, .ny = 2});
  CHECK(top[0] == Approx(0.25 + 10 * 1.5 * 1.5).epsilon(1e-15));
  CHECK(top[1] == Approx(0.25 + 10 * 0.5 * 0.5).epsilon(1e-15));
}

TEST_CASE("a trajectory records each step's gradient and the optimizer's second moment", "[objectives][trajectory]") {
  const adagrad::objectives::Quadratic f({1.0, 10.0});
  adagrad::optim::Adagrad ada({.lr = 0.5});
  const std::vector<double> x0{3, 2};
  const auto t = adagrad::objectives::run(ada, f, x0, 20);
  REQUIRE(t.grads.size() == 20 * 2);
  REQUIRE(t.moments.size() == 20 * 2);
  double G[2] = {0, 0};
  for (long long s = 0; s < 20; ++s)
    for (std::size_t i = 0; i < 2; ++i) {
      const double x = t.params[s * 2 + i];  // where step s + 1 started
      const double g = 2 * f.scales()[i] * x;
      CHECK(t.grads[s * 2 + i] == g);
      G[i] += g * g;  // AdaGrad's G is the running sum of g²
      CHECK(t.moments[s * 2 + i] == Approx(G[i]).epsilon(1e-14));
    }
  adagrad::optim::Sgd sgd({.lr = 0.01});
  const auto plain = adagrad::objectives::run(sgd, f, x0, 5);
  CHECK(plain.grads.size() == 5 * 2);
  CHECK(plain.moments.empty());
}
