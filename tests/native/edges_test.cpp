// Numerics at the edges (issue 13): what AdaGrad, a trajectory and the network do at ε = 0 and
// the smallest ε, with subnormal gradients, η = 1e-300 and 1e300, an lr_decay that drives the
// rate to 0, G past the largest double, and layers of width 1 and kMaxWidth. The behaviour is
// the one the headers document; where PyTorch defines it, the expected numbers are PyTorch's
// (torch 1.13, float64, torch.optim.Adagrad, printed with repr), copied beside each case.
#include <catch2/catch.hpp>

#include <cfloat>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "data/dataset.hpp"
#include "nn/mlp.hpp"
#include "nn/training.hpp"
#include "objectives/quadratic.hpp"
#include "objectives/trajectory.hpp"
#include "optim/adagrad.hpp"
#include "optim/factory.hpp"

#include <memory>

using namespace adagrad;
using optim::Adagrad;
using optim::AdagradOptions;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kTiny = std::numeric_limits<double>::denorm_min();  // 5e-324

/// One-parameter AdaGrad fed `grads` from x0; returns x after each step.
std::vector<double> walk(Adagrad& opt, double x0, std::vector<double> grads) {
  std::vector<double> xs;
  double x = x0;
  for (double g : grads) {
    opt.step({&x, 1}, {&g, 1});
    xs.push_back(x);
  }
  return xs;
}

}  // namespace

TEST_CASE("eps = 0 is refused: PyTorch's first step with G = 0 and g = 0 is 0/0 = nan", "[edges][adagrad]") {
  // torch: Adagrad(lr=0.1, eps=0), x = 3, g = 0 → x = nan
  REQUIRE_THROWS_WITH(Adagrad({.eps = 0.0}), "eps must be finite and > 0, got 0");
  REQUIRE_THROWS_WITH(Adagrad({.eps = -kTiny}), "eps must be finite and > 0, got -4.94065645841247e-324");
}

TEST_CASE("the smallest eps with a zero gradient: the rate may be +inf, the step is -0, x does not move", "[edges][adagrad]") {
  // torch: Adagrad(lr=0.1, eps=5e-324), x = 3, g = 0, 0 → x = 3.0, 3.0; sum = 0.0
  for (auto place : {optim::EpsPlacement::outside, optim::EpsPlacement::inside}) {
    Adagrad opt({.lr = 0.1, .eps = kTiny, .eps_placement = place});
    REQUIRE(walk(opt, 3.0, {0.0, 0.0}) == std::vector<double>{3.0, 3.0});
    CHECK(opt.sum()[0] == 0.0);
    // outside: η / (0 + ε) overflows to inf (not NaN, and not used); inside: η / √ε ≈ 4.5e160
    if (place == optim::EpsPlacement::outside) CHECK(opt.effective_rate()[0] == kInf);
    else CHECK(opt.effective_rate()[0] == 0.1 / std::sqrt(kTiny));
    CHECK(opt.last_update()[0] == 0.0);
    CHECK(std::signbit(opt.last_update()[0]));  // -η·(0/ε) = -0, PyTorch's sign too
  }
}

TEST_CASE("subnormal gradients: g² underflows, so G stays 0 and the rate is eta/eps; steps agree with PyTorch to 1e-13", "[edges][adagrad]") {
  // torch: Adagrad(lr=0.1, eps=1e-10) from x = 1, g = 1e-310, 5e-324, -2.5e-320 → x = 1.0 each
  // time, sum = 0.0 (the steps vanish against 1).
  Adagrad from_one({.lr = 0.1, .eps = 1e-10});
  REQUIRE(walk(from_one, 1.0, {1e-310, kTiny, -2.5e-320}) == std::vector<double>{1.0, 1.0, 1.0});
  CHECK(from_one.sum()[0] == 0.0);
  CHECK(from_one.effective_rate()[0] == 0.1 / 1e-10);
  // torch from x = 0, g = 1e-310 → x = -9.999999999999474e-302. PyTorch rounds (-η·g)/den, the
  // core -(η/den)·g (the step table's arithmetic): the subnormal's few digits differ in the last
  // places, never in the size of the step.
  Adagrad from_zero({.lr = 0.1, .eps = 1e-10});
  const auto xs = walk(from_zero, 0.0, {1e-310});
  CHECK(xs[0] == Approx(-9.999999999999474e-302).epsilon(1e-13));
  CHECK(from_zero.sum()[0] == 0.0);
}

TEST_CASE("eta = 1e-300 and 1e300: the first steps are PyTorch's, to the bit", "[edges][adagrad]") {
  // torch: lr=1e-300, eps=1e-10, x = 1e-300, g = 1, 2 → 1.00000046334765e-310, -8.944271908599158e-301
  Adagrad small({.lr = 1e-300, .eps = 1e-10});
  CHECK(walk(small, 1e-300, {1.0, 2.0}) == std::vector<double>{1.00000046334765e-310, -8.944271908599158e-301});
  // torch: lr=1e-300, x = 1, g = 1, 2 → 1.0, 1.0 (the steps vanish against x)
  Adagrad vanishing({.lr = 1e-300, .eps = 1e-10});
  CHECK(walk(vanishing, 1.0, {1.0, 2.0}) == std::vector<double>{1.0, 1.0});
  // torch: lr=1e300, x = 1, g = 1, 2 → -9.999999999000001e+299, -1.894427190859916e+300
  Adagrad big({.lr = 1e300, .eps = 1e-10});
  CHECK(walk(big, 1.0, {1.0, 2.0}) == std::vector<double>{-9.999999999000001e+299, -1.894427190859916e+300});
  CHECK(std::isfinite(big.effective_rate()[0]));
}

TEST_CASE("eta = 1e300 on x^2: f overflows after step 1, and the trajectory reports the divergence there", "[edges][trajectory]") {
  auto opt = std::make_unique<Adagrad>(AdagradOptions{.lr = 1e300});
  const objectives::Quadratic f({1.0});
  const double x0 = 1.0;
  const auto t = objectives::run(*opt, f, {&x0, 1}, 10);
  // x1 = 1 - 1e300·2/(2 + 1e-10) ≈ -1e300, whose f = 1e600 is inf: the core stops before that row
  REQUIRE(t.diverged_at == 1);
  CHECK(t.steps_taken() == 0);
}

TEST_CASE("lr_decay can drive the rate to exactly 0: the steps are then 0 while G keeps growing", "[edges][adagrad]") {
  // torch: lr=0.1, lr_decay=1e308, eps=1e-10, x = 1, g = 1, 1, 1 → 0.90000000001 three times;
  // sum = 1, 2, 3. Step 3: 1 + 2·1e308 = inf, so η_3 = 0.
  Adagrad opt({.lr = 0.1, .lr_decay = 1e308, .eps = 1e-10});
  double x = 1.0, g = 1.0;
  opt.step({&x, 1}, {&g, 1});
  CHECK(x == 0.90000000001);
  opt.step({&x, 1}, {&g, 1});
  CHECK(x == 0.90000000001);
  CHECK(opt.effective_rate()[0] > 0.0);
  CHECK(opt.effective_rate()[0] < DBL_MIN);  // η / (1 + 1e308) / √2: a subnormal
  opt.step({&x, 1}, {&g, 1});
  CHECK(x == 0.90000000001);
  CHECK(opt.effective_rate()[0] == 0.0);
  CHECK(opt.last_update()[0] == 0.0);
  CHECK(opt.sum()[0] == 3.0);
  // lr_decay must itself be finite
  REQUIRE_THROWS_WITH(Adagrad({.lr_decay = kInf}), "lr_decay must be finite and >= 0, got inf");
}

TEST_CASE("G past the largest double is +inf for good: the rate is 0 and the parameter is frozen, as in PyTorch", "[edges][adagrad][trajectory]") {
  // torch: lr=0.1, eps=1e-10, x = 1e154, g = 2e154 twice → x = 1e154 both times, sum = inf
  Adagrad opt({.lr = 0.1, .eps = 1e-10});
  CHECK(walk(opt, 1e154, {2e154, 2e154}) == std::vector<double>{1e154, 1e154});
  CHECK(opt.sum()[0] == kInf);
  CHECK(opt.effective_rate()[0] == 0.0);
  // The trajectory does not stop: f stays finite, every row is there, G is inf from step 1.
  auto a = std::make_unique<Adagrad>(AdagradOptions{.lr = 0.1});
  const objectives::Quadratic f({1.0, 10.0});
  const double x0[2] = {1e154, 20.0};
  const auto t = objectives::run(*a, f, x0, 50);
  REQUIRE_FALSE(t.diverged_at.has_value());
  REQUIRE(t.steps_taken() == 50);
  for (long long s = 0; s < 50; ++s) {
    CHECK(t.moments[2 * s] == kInf);
    CHECK(t.rates[2 * s] == 0.0);
    CHECK(t.params[2 * (s + 1)] == 1e154);
    CHECK(std::isfinite(t.moments[2 * s + 1]));  // b's G is its own, and b still moves
  }
  CHECK(t.params[2 * 50 + 1] < 20.0);
}

TEST_CASE("layers of width 1 and of kMaxWidth are built, predict and train; one past is refused", "[edges][mlp]") {
  const auto data = data::spiral({.n_samples = 40, .noise = 0.1, .seed = 3});
  for (long long w : {1LL, nn::kMaxWidth}) {
    INFO("width " << w);
    nn::Mlp net({.layers = {2, w, 1}, .activation = nn::Activation::tanh, .seed = 5});
    CHECK(net.num_params() == static_cast<std::size_t>(w * 2 + w + w + 1));
    nn::TrainingRun run(std::move(net), std::make_unique<Adagrad>(AdagradOptions{.lr = 0.1}), data);
    const auto stats = run.epochs(3);
    CHECK_FALSE(stats.diverged);
    CHECK(std::isfinite(stats.loss));
    CHECK(stats.accuracy >= 0.0);
    CHECK(stats.accuracy <= 1.0);
    std::vector<double> p(40);
    run.network().predict(data.x, p);
    for (double v : p) CHECK((v >= 0.0 && v <= 1.0));
  }
  REQUIRE_THROWS_WITH(nn::Mlp({.layers = {2, nn::kMaxWidth + 1, 1}}), "layers[1] must be between 1 and 4096, got 4097");
  REQUIRE_THROWS_WITH(nn::Mlp({.layers = {2, 0, 1}}), "layers[1] must be between 1 and 4096, got 0");
}
