// The lesson's figure helpers: the two made-up gradient histories, and the shipped bug of an
// AdaGrad re-created before every step.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "lesson/gradient_histories.hpp"
#include "lesson/pitfalls.hpp"
#include "objectives/quadratic.hpp"
#include "optim/adam.hpp"
#include "optim/sgd.hpp"

using namespace adagrad;
using Catch::Message;

TEST_CASE("gradient histories: a frequent N(1, 2^2) series and a rare 0.2 N(0, 1) one", "[lesson][histories]") {
  const auto h = lesson::gradient_histories({.steps = 20000, .seed = 3, .rare_probability = 0.1});
  REQUIRE(h.frequent.size() == 20000);
  REQUIRE(h.rare.size() == 20000);
  double s = 0, s2 = 0, r2 = 0;
  long long fired = 0;
  for (std::size_t t = 0; t < h.frequent.size(); ++t) {
    s += h.frequent[t];
    s2 += h.frequent[t] * h.frequent[t];
    if (h.rare[t] != 0) {
      ++fired;
      r2 += h.rare[t] * h.rare[t];
    }
  }
  const double mean = s / 20000, sd = std::sqrt(s2 / 20000 - mean * mean);
  CHECK(mean == Approx(1).epsilon(0).margin(5 * 2 / std::sqrt(20000.0)));
  CHECK(sd == Approx(2).epsilon(0.05));
  CHECK(fired / 20000.0 == Approx(0.1).epsilon(0).margin(5 * std::sqrt(0.1 * 0.9 / 20000)));
  CHECK(std::sqrt(r2 / static_cast<double>(fired)) == Approx(0.2).epsilon(0.1));
}

TEST_CASE("the frequent history does not depend on rare_probability, and a seed repeats both", "[lesson][histories]") {
  const auto a = lesson::gradient_histories({.steps = 500, .seed = 9, .rare_probability = 0.1});
  const auto b = lesson::gradient_histories({.steps = 500, .seed = 9, .rare_probability = 0.9});
  CHECK(a.frequent == b.frequent);
  CHECK(a.rare != b.rare);
  CHECK(lesson::gradient_histories({.steps = 500, .seed = 9, .rare_probability = 0.1}).rare == a.rare);
}

TEST_CASE("gradient histories refuse steps 0 and a rare_probability of 0 or 1.5", "[reject][lesson][histories]") {
  REQUIRE_THROWS_MATCHES(lesson::gradient_histories({.steps = 0}), std::invalid_argument,
                         Message("steps must be between 1 and 100000, got 0"));
  REQUIRE_THROWS_MATCHES(lesson::gradient_histories({.rare_probability = 0}), std::invalid_argument,
                         Message("rare_probability must be in (0, 1], got 0"));
  REQUIRE_THROWS_MATCHES(lesson::gradient_histories({.rare_probability = 1.5}), std::invalid_argument,
                         Message("rare_probability must be in (0, 1], got 1.5"));
}

TEST_CASE("an adagrad re-created every step takes fixed steps of lr sign(g)", "[lesson][pitfalls]") {
  // G = g^2 afresh each step, so the rate is lr / (|g| + eps) and the step lr g / (|g| + eps)
  const objectives::Quadratic f({1});
  const auto t = lesson::run_with_state_reset_every_step(f, std::vector<double>{4}, 10, {.lr = 0.5});
  REQUIRE(t.steps_taken() == 10);
  REQUIRE(t.rates.size() == 10);
  for (int k = 0; k < 10; ++k) {
    const double x = t.params[k], g = 2 * x;
    INFO("step " << k + 1);
    CHECK(t.rates[k] == Approx(0.5 / (std::abs(g) + 1e-10)).epsilon(1e-14));
    CHECK(t.params[k + 1] == Approx(x - 0.5 * g / (std::abs(g) + 1e-10)).epsilon(1e-14));
  }
  // 4 - 8 * 0.5: eight equal steps reach the minimum (then |g| is near eps and it jumps off)
  for (int k = 1; k <= 8; ++k) CHECK(t.params[k] == Approx(4 - 0.5 * k).epsilon(0).margin(1e-8));
}

TEST_CASE("the forgetful run resets the caller's adagrad before every step, as a new one would be, and refuses any other kind",
          "[reject][lesson][pitfalls]") {
  const objectives::Quadratic f({1, 10});
  const std::vector<double> x0{3, -2};
  const optim::AdagradOptions options{.lr = 0.3, .lr_decay = 0.1, .initial_accumulator_value = 0.5};
  optim::Adagrad adagrad(options);
  const auto reset = lesson::run_with_state_reset_every_step(f, x0, 20, adagrad);
  REQUIRE(reset.steps_taken() == 20);
  // the bug written out: a new Adagrad for every step (lr_decay's t and G_0 start again)
  std::vector<double> x = x0, grad(2);
  for (int k = 0; k < 20; ++k) {
    f.gradient(x, grad);
    optim::Adagrad fresh(options);
    fresh.step(x, grad);
    INFO("step " << k + 1);
    CHECK(reset.params[2 * (k + 1)] == x[0]);  // bit for bit
    CHECK(reset.params[2 * (k + 1) + 1] == x[1]);
    CHECK(reset.rates[2 * k] == fresh.effective_rate()[0]);
  }

  optim::Adam adam;
  optim::Sgd sgd;
  REQUIRE_THROWS_MATCHES(lesson::run_with_state_reset_every_step(f, x0, 3, adam), std::invalid_argument,
                         Message("reset_state_every_step needs an adagrad optimizer, got adam"));
  REQUIRE_THROWS_MATCHES(lesson::run_with_state_reset_every_step(f, x0, 3, sgd), std::invalid_argument,
                         Message("reset_state_every_step needs an adagrad optimizer, got sgd"));
}
