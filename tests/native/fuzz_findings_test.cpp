// What the fuzzers in tests/fuzz found, one test per finding, so none comes back. Each input is
// also kept in tests/fuzz/corpus/<target>/finding-*.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "lesson/step_table.hpp"
#include "nn/boundary.hpp"
#include "nn/mlp.hpp"
#include "nn/training.hpp"
#include "objectives/linear_regression.hpp"
#include "objectives/quadratic.hpp"
#include "objectives/trajectory.hpp"
#include "data/dataset.hpp"
#include "optim/adagrad.hpp"
#include "optim/rmsprop.hpp"
#include "optim/sgd.hpp"

using namespace adagrad;
using Catch::Message;

// fuzz_trajectory flagged a path starting at f = inf (a finite x0 whose f overflows). Not a bug:
// the fading figure lets w₀ reach 1e300 and shows the run's divergence, so the start stays
// allowed; this pins down what such a path is.
TEST_CASE("a start whose value overflows gives a path that starts at inf and then diverges", "[fuzz][trajectory]") {
  const objectives::Quadratic f({1.0, 10.0});
  optim::Adagrad opt({.lr = 0.5});
  const std::vector<double> x0{1e300, 1.0};
  const auto t = objectives::run(opt, f, x0, 5);
  REQUIRE(std::isinf(t.values[0]));
  REQUIRE(t.diverged_at == 1);  // AdaGrad's step is about lr: f stays inf
  REQUIRE(t.steps_taken() == 0);
  // and a regression whose residual is inf - inf at x0 starts at nan, then stops at once
  const objectives::LinearRegressionMse mse(data::Dataset{.n = 1, .dim = 2, .x = {1e300, -1e300}, .y = {0}});
  const auto u = objectives::run(opt, mse, std::vector<double>{1e10, 1e10, 0}, 5);
  REQUIRE(std::isnan(u.values[0]));
  REQUIRE(u.diverged_at == 1);
}

// fuzz_network: an input near the largest double overflows the first layer to ±inf and the next
// one to inf - inf = nan, which predict returned as a "probability".
TEST_CASE("predict refuses a sample whose output overflows to nan", "[fuzz][mlp]") {
  nn::Mlp net({.layers = {2, 3, 1}, .activation = nn::Activation::tanh, .seed = 1});
  net.set_params(std::vector<double>{1, -1, 1, 1, -1, 1, 0, 0, 0, 1, 1, -1, 0});
  const std::vector<double> x{0.5, 0.5, -1.7976931344449136e308, -10};
  std::vector<double> p(2);
  // tanh saturates, so this network's output stays finite: a probability, as promised
  net.predict(x, p);
  REQUIRE((p[1] >= 0 && p[1] <= 1));
  nn::Mlp linear({.layers = {2, 2, 1}, .activation = nn::Activation::linear, .seed = 1});
  linear.set_params(std::vector<double>{2, 0, 2, 0, 0, 0, 1, -1, 0});  // h = (2x₁, 2x₁), z = h₁ - h₂
  REQUIRE_THROWS_MATCHES(linear.predict(x, p), std::invalid_argument,
                         Message("sample 1 of x is too large for this network: its output overflows to nan, "
                                 "got x[2] = -1.7976931344449136e+308"));
  const std::vector<double> ordinary{0.5, 0.5};
  std::vector<double> one(1);
  linear.predict(ordinary, one);
  REQUIRE(one[0] == 0.5);  // z = 0.5 - 0.5
}

// fuzz_optimizer: η/ε overflows (lr 1e300, eps 1e-10) and a zero gradient gave a step of
// -inf · 0 = nan; PyTorch computes -η · (0 / ε) = 0.
TEST_CASE("AdaGrad does not move a parameter whose gradient is 0, even when lr / eps overflows", "[fuzz][optim]") {
  for (const auto placement : {optim::EpsPlacement::outside, optim::EpsPlacement::inside}) {
    optim::Adagrad opt({.lr = 1e300, .eps = 1e-300, .eps_placement = placement});
    std::vector<double> x{2.0, 3.0};
    const std::vector<double> g{0.0, 1.0};
    opt.step(x, g);
    REQUIRE(x[0] == 2.0);
    REQUIRE(opt.last_update()[0] == 0.0);
    REQUIRE(std::isinf(opt.effective_rate()[0]));  // η / ε, honestly
    REQUIRE(std::isfinite(x[1]));
  }
  // the same for RMSProp, which was already right
  optim::Rmsprop rms({.lr = 1e300, .eps = 1e-300});
  std::vector<double> y{2.0};
  rms.step(y, std::vector<double>{0.0});
  REQUIRE(y[0] == 2.0);
}

// fuzz_step_table's seed: x0 = 0 keeps G = 0, and η / (√0 + ε) overflows into a row of inf.
TEST_CASE("the step table refuses an lr whose rate overflows at G = 0", "[fuzz][step_table]") {
  REQUIRE_THROWS_MATCHES(lesson::step_table({.x0 = 0, .lr = 1e300, .eps = 1e-10, .steps = 2}), std::invalid_argument,
                         Message("lr = 1e+300 is too large for eps = 1e-10 with x0 = 0: at step 1 the rate η / (√G + ε) overflows "
                                 "with G = 0"));
  const auto rows = lesson::step_table({.x0 = 0, .lr = 1, .eps = 1e-10, .steps = 2});
  REQUIRE(rows[1].x_new == 0.0);
  REQUIRE(rows[1].effective_rate == 1e10);
}

// The same overflow on a grid: named by its cell. And fuzz_network's seed xor-sgd-huge-lr: SGD
// with η = 1e300 leaves weights past float's range (the double-precision loss still finite), and
// the single-precision boundary was nan everywhere; it now falls back to the exact pass.
TEST_CASE("predict_grid names the cell that overflows; boundary_grid falls back to double precision", "[fuzz][mlp]") {
  const Grid cell{.x_min = 2, .x_max = 3, .y_min = 0, .y_max = 1, .nx = 1, .ny = 1};  // one cell at (2.5, 0.5)
  std::vector<double> exact(1);
  std::vector<float> fast(1);
  nn::Mlp cancel({.layers = {2, 2, 1}, .activation = nn::Activation::linear});
  cancel.set_params(std::vector<double>{1e308, 0, 1e308, 0, 0, 0, 1, -1, 0});  // h = (inf, inf), z = inf - inf
  REQUIRE_THROWS_MATCHES(cancel.predict_grid(cell, exact), std::invalid_argument,
                         Message("the grid's cell at row 0, column 0 (x = 2.5, y = 0.5) is too far out for this "
                                 "network: its output overflows to nan"));
  REQUIRE_THROWS_AS(nn::boundary_grid(cancel, cell, fast), std::invalid_argument);

  nn::Mlp huge({.layers = {2, 1}});
  huge.set_params(std::vector<double>{1e300, -1e300, 0});  // z = 1e300·(x - y): 2e300 in double, inf - inf in float
  huge.predict_grid(cell, exact);
  nn::boundary_grid(huge, cell, fast);
  REQUIRE(exact[0] == 1.0);
  REQUIRE(fast[0] == 1.0f);
}

// fuzz_trajectory: data with values near the largest double made AᵀA overflow, and minimum()
// returned nan for every coefficient.
TEST_CASE("the least-squares minimum refuses data whose normal equations overflow", "[fuzz][objective]") {
  const objectives::LinearRegressionMse f(data::Dataset{.n = 3, .dim = 1, .x = {0, 1e200, -1e200}, .y = {1, 2, 3}});
  REQUIRE_THROWS_MATCHES(f.minimum(), std::invalid_argument,
                         Message("the data set's values are too large to solve for the minimum: the normal equations "
                                 "overflow, got a value of magnitude 1e+200"));
  const objectives::LinearRegressionMse fine(data::Dataset{.n = 3, .dim = 1, .x = {0, 1, 2}, .y = {1, 3, 5}});
  const auto p = fine.minimum();
  REQUIRE(p[0] == Approx(2.0));
  REQUIRE(p[1] == Approx(1.0));
}

// fuzz_step_table: rate · g past the largest double (lr = 1.8e308, eps = 1e-300, x0 = 1.5e154,
// scale = 1e-10) threw x to -inf in a row of the table.
TEST_CASE("the step table refuses an lr whose update overflows", "[fuzz][step_table]") {
  REQUIRE_THROWS_MATCHES(lesson::step_table({.x0 = 1.5e154, .lr = 1.7976931348623157e308, .eps = 1e-300, .steps = 3,
                                             .scale = 9.822545333837908e-11}),
                         std::invalid_argument,
                         Message("lr = 1.7976931348623157e+308 is too large: at step 1 x was 1.5e+154 and the update "
                                 "-rate·g overflows"));
}

// fuzz_network: evaluate() took a target of 2, and binary cross-entropy came out negative.
TEST_CASE("evaluate and loss_and_gradient refuse targets outside [0, 1]", "[fuzz][mlp]") {
  nn::Mlp net({.layers = {1, 1}});
  const std::vector<double> x{1.0, 2.0};
  REQUIRE_THROWS_MATCHES(net.evaluate(x, std::vector<double>{1.0, 2.0}), std::invalid_argument,
                         Message("y[1] must be in [0, 1], got 2"));
  REQUIRE_THROWS_MATCHES(net.loss_and_gradient(x, std::vector<double>{-0.5, 1.0}), std::invalid_argument,
                         Message("y[0] must be in [0, 1], got -0.5"));
  REQUIRE(net.evaluate(x, std::vector<double>{0.25, 1.0}).loss >= 0);  // soft labels stay allowed
}

// fuzz_network: restart_from_seed with a seed past 32 bits on a notebook-initialised network was
// refused, but only after every weight had been set to 0.
TEST_CASE("a refused restart_from_seed leaves the run's weights as they were", "[fuzz][training]") {
  nn::TrainingRun run(nn::Mlp({.layers = {2, 4, 1}, .init = nn::Init::notebook}),
                      std::make_unique<optim::Adagrad>(optim::AdagradOptions{.lr = 0.1}),
                      data::make_dataset("gaussians", {.n_samples = 20}));
  run.epochs(2);
  const std::vector<double> before(run.network().params().begin(), run.network().params().end());
  REQUIRE_THROWS_MATCHES(run.restart_from_seed(std::uint64_t{1} << 32), std::invalid_argument,
                         Message("seed must be < 4294967296 for numpy's legacy stream, got 4294967296"));
  REQUIRE(std::equal(before.begin(), before.end(), run.network().params().begin()));
  REQUIRE(run.epochs_done() == 2);
}

// fuzz_network, in the long run: SGD with lr = 8.9e307 on mini-batches of 2 gave batch losses near
// 1e308, each finite, whose sum over the epoch overflowed: the epoch reported a loss of inf and did
// not count as diverged. Here: one-sample batches, each with a loss of 1.5e308.
TEST_CASE("an epoch whose summed loss overflows is a divergence", "[fuzz][training]") {
  nn::Mlp net({.layers = {1, 1}, .activation = nn::Activation::linear});
  net.set_params(std::vector<double>{1.5e308, 0});  // z = 1.5e308 for x = 1, label 0
  nn::TrainingRun run(std::move(net), std::make_unique<optim::Sgd>(optim::SgdOptions{.lr = 1e-300}),
                      data::Dataset{.n = 4, .dim = 1, .x = {1, 1, 1, 1}, .y = {0, 0, 0, 0}}, {.batch_size = 1});
  const auto s = run.epoch();
  REQUIRE(s.diverged);
  REQUIRE(run.diverged_at() == 0);
  REQUIRE(run.losses().empty());
  REQUIRE(run.network().params()[0] == 1.5e308);  // the weights from before the epoch
}
