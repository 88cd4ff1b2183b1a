// The four optimizers against PyTorch's documented defaults and against their first two steps
// worked by hand from PyTorch's update rules (torch/optim/*.py), plus the Optimizer interface's
// promises: reset() replays a run, the size is fixed after the first step, a rejected step
// changes nothing, and AdaGrad's insides match the formula.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "optim/adagrad.hpp"
#include "optim/adam.hpp"
#include "optim/rmsprop.hpp"
#include "optim/sgd.hpp"

using namespace adagrad::optim;

namespace {

// Two steps from x0 with the given gradients; returns the parameters after each step.
std::vector<std::vector<double>> two_steps(Optimizer& opt, std::vector<double> x,
                                           const std::vector<double>& g1,
                                           const std::vector<double>& g2) {
  std::vector<std::vector<double>> out;
  opt.step(x, g1);
  out.push_back(x);
  opt.step(x, g2);
  out.push_back(x);
  return out;
}

void check_close(const std::vector<double>& got, const std::vector<double>& want) {
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    INFO("param[" << i << "]");
    CHECK(got[i] == Approx(want[i]).epsilon(1e-13));
  }
}

}  // namespace

TEST_CASE("every optimizer's defaults are PyTorch's", "[optim][defaults]") {
  const SgdOptions sgd = Sgd().options();
  CHECK(sgd.lr == 1e-3);
  CHECK(sgd.momentum == 0.0);
  CHECK(sgd.dampening == 0.0);
  CHECK(sgd.weight_decay == 0.0);
  CHECK_FALSE(sgd.nesterov);

  const AdagradOptions adagrad = Adagrad().options();
  CHECK(adagrad.lr == 1e-2);
  CHECK(adagrad.lr_decay == 0.0);
  CHECK(adagrad.weight_decay == 0.0);
  CHECK(adagrad.initial_accumulator_value == 0.0);
  CHECK(adagrad.eps == 1e-10);
  CHECK(adagrad.eps_placement == EpsPlacement::outside);

  const RmspropOptions rmsprop = Rmsprop().options();
  CHECK(rmsprop.lr == 1e-2);
  CHECK(rmsprop.alpha == 0.99);
  CHECK(rmsprop.eps == 1e-8);
  CHECK(rmsprop.weight_decay == 0.0);
  CHECK(rmsprop.momentum == 0.0);
  CHECK_FALSE(rmsprop.centered);

  const AdamOptions adam = Adam().options();
  CHECK(adam.lr == 1e-3);
  CHECK(adam.beta1 == 0.9);
  CHECK(adam.beta2 == 0.999);
  CHECK(adam.eps == 1e-8);
  CHECK(adam.weight_decay == 0.0);
  CHECK_FALSE(adam.amsgrad);
}

TEST_CASE("each optimizer names its kind", "[optim]") {
  CHECK(Sgd().kind() == "sgd");
  CHECK(Adagrad().kind() == "adagrad");
  CHECK(Rmsprop().kind() == "rmsprop");
  CHECK(Adam().kind() == "adam");
}

TEST_CASE("sgd with nesterov momentum and weight decay matches two hand-computed steps",
          "[optim][sgd]") {
  // lr 0.1, mu 0.9, lambda 0.1, x0 = (1, -2).
  // step 1, param 0: d = 0.5 + 0.1*1 = 0.6, b = d = 0.6, d = 0.6 + 0.9*0.6 = 1.14, x = 1 - 0.114 = 0.886
  // step 2, param 0: d = -0.25 + 0.0886 = -0.1614, b = 0.54 - 0.1614 = 0.3786,
  //                  d = -0.1614 + 0.34074 = 0.17934, x = 0.886 - 0.017934 = 0.868066
  Sgd opt({.lr = 0.1, .momentum = 0.9, .weight_decay = 0.1, .nesterov = true});
  const auto xs = two_steps(opt, {1, -2}, {0.5, 1.0}, {-0.25, 0.5});
  check_close(xs[0], {0.886, -2.152});
  check_close(xs[1], {0.868066, -2.270912});
}

TEST_CASE("sgd's first step ignores dampening, as PyTorch's does", "[optim][sgd]") {
  // lr 0.1, mu 0.9, dampening 0.5. Step 1: b = g (undamped), x = (1 - 0.05, -2 - 0.1).
  // Step 2: b = 0.9 b + 0.5 g = (0.45 - 0.125, 0.9 + 0.25) = (0.325, 1.15), x -= 0.1 b.
  Sgd opt({.lr = 0.1, .momentum = 0.9, .dampening = 0.5});
  const auto xs = two_steps(opt, {1, -2}, {0.5, 1.0}, {-0.25, 0.5});
  check_close(xs[0], {0.95, -2.1});
  check_close(xs[1], {0.9175, -2.215});
}

TEST_CASE("plain sgd moves by lr times the gradient", "[optim][sgd]") {
  Sgd opt({.lr = 0.25});
  const auto xs = two_steps(opt, {1, -2}, {0.5, 1.0}, {-0.25, 0.5});
  check_close(xs[0], {0.875, -2.25});
  check_close(xs[1], {0.9375, -2.375});
}

TEST_CASE("rmsprop centered with momentum matches two hand-computed steps", "[optim][rmsprop]") {
  // lr 0.01, alpha 0.9, eps 1e-8, momentum 0.5. Param 0, step 1: v = 0.1*0.25 = 0.025,
  // m = 0.05, avg = sqrt(0.025 - 0.0025) + 1e-8 = 0.15 + 1e-8, b = 0.5 / avg, x = 1 - 0.01 b.
  // Step 2: v = 0.0225 + 0.00625 = 0.02875, m = 0.045 - 0.025 = 0.02, avg = sqrt(0.02835) + 1e-8,
  // b = 0.5 b + (-0.25) / avg, x -= 0.01 b.
  Rmsprop opt({.lr = 0.01, .alpha = 0.9, .eps = 1e-8, .momentum = 0.5, .centered = true});
  const auto xs = two_steps(opt, {1, -2}, {0.5, 1.0}, {-0.25, 0.5});
  const double b1 = 0.5 / (0.15 + 1e-8);
  const double b2 = 0.5 * b1 - 0.25 / (std::sqrt(0.02835) + 1e-8);
  CHECK(xs[0][0] == Approx(1 - 0.01 * b1).epsilon(1e-13));
  CHECK(xs[1][0] == Approx(1 - 0.01 * b1 - 0.01 * b2).epsilon(1e-13));
  // the same by an independent float64 script
  check_close(xs[0], {0.9666666688888887, -2.0333333322222225});
  check_close(xs[1], {0.9648478492244115, -2.066188095515179});
}

TEST_CASE("plain rmsprop divides by the root of the leaky mean of g^2", "[optim][rmsprop]") {
  // alpha 0.99: v = 0.01 g^2, so the first step is lr g / (0.1 |g| + eps) = 10 lr sign(g) roughly.
  Rmsprop opt({.lr = 0.01});
  std::vector<double> x{1.0};
  const std::vector<double> g{0.5};
  opt.step(x, g);
  CHECK(x[0] == Approx(1 - 0.01 * 0.5 / (std::sqrt(0.01 * 0.25) + 1e-8)).epsilon(1e-14));
}

TEST_CASE("adam with amsgrad and weight decay divides by the running maximum of v",
          "[optim][adam]") {
  // lr 0.1, betas 0.9/0.999, eps 1e-8, lambda 0.1. Param 0: g1 = 1 + 0.1*1 = 1.1,
  // m = 0.11, v = 0.00121, step size = 0.1 / (1 - 0.9) = 1, denom = sqrt(0.00121)/sqrt(0.001) + eps
  // = 1.1 + 1e-8, x = 1 - 0.11 / (1.1 + 1e-8) = 0.9000000009090909.
  // Step 2: g2 = -0.085 + 0.1 x = 0.005 (tiny), so v falls to 0.001208815 and AMSGrad keeps 0.00121.
  Adam opt({.lr = 0.1, .weight_decay = 0.1, .amsgrad = true});
  const auto xs = two_steps(opt, {1, -0.5}, {1.0, 0.2}, {-0.085, 0.3});
  check_close(xs[0], {0.9000000009090909, -0.5999999933333338});
  check_close(xs[1], {0.8326894436363613, -0.6986117712538502});
  // by hand for param 0, step 2, with the maximum v = 0.00121 rather than the current one
  const double x1 = 0.9000000009090909, g2 = -0.085 + 0.1 * x1;
  const double m2 = 0.9 * 0.11 + 0.1 * g2;
  const double vmax = 0.00121;
  const double step_size = 0.1 / (1 - 0.9 * 0.9);
  const double x2 = x1 - step_size * m2 / (std::sqrt(vmax) / std::sqrt(1 - 0.999 * 0.999) + 1e-8);
  CHECK(xs[1][0] == Approx(x2).epsilon(1e-12));

  SECTION("without amsgrad the falling v is used and param 0 lands elsewhere") {
    Adam plain({.lr = 0.1, .weight_decay = 0.1});
    const auto ys = two_steps(plain, {1, -0.5}, {1.0, 0.2}, {-0.085, 0.3});
    CHECK(ys[0][0] == xs[0][0]);
    CHECK(ys[1][0] != Approx(xs[1][0]).epsilon(1e-9));
    CHECK(ys[1][1] == Approx(xs[1][1]).epsilon(1e-13));  // param 1's v rose: max = current
  }
}

TEST_CASE("adagrad with lr_decay, weight_decay and initial_accumulator_value matches two hand-computed steps",
          "[optim][adagrad]") {
  // lr 0.1, lr_decay 0.5, lambda 0.1, G0 0.2, eps 1e-10.
  // Step 1 (lr_t = 0.1): g = (0.5 + 0.1, 1 - 0.2) = (0.6, 0.8), G = (0.56, 0.84).
  // Step 2 (lr_t = 0.1 / 1.5): g = g2 + 0.1 x1, G += g^2.
  Adagrad opt({.lr = 0.1, .lr_decay = 0.5, .weight_decay = 0.1, .initial_accumulator_value = 0.2});
  const auto xs = two_steps(opt, {1, -2}, {0.5, 1.0}, {-0.25, 0.5});
  const double x1 = 1 - 0.1 * 0.6 / (std::sqrt(0.56) + 1e-10);
  const double g2 = -0.25 + 0.1 * x1, G2 = 0.56 + g2 * g2;
  const double x2 = x1 - (0.1 / 1.5) * g2 / (std::sqrt(G2) + 1e-10);
  CHECK(xs[0][0] == Approx(x1).epsilon(1e-14));
  CHECK(xs[1][0] == Approx(x2).epsilon(1e-14));
  check_close(xs[0], {0.919821627436987, -2.0872871560848734});
  check_close(xs[1], {0.9335952504512149, -2.1074788778503537});
  CHECK(opt.sum()[0] == Approx(0.584969636891159).epsilon(1e-14));
  CHECK(opt.sum()[1] == Approx(0.9248389611110815).epsilon(1e-14));
}

TEST_CASE("adagrad exposes G, the effective rate and the last update as the formula gives them",
          "[optim][adagrad]") {
  for (const auto placement : {EpsPlacement::outside, EpsPlacement::inside}) {
    INFO("eps " << to_string(placement));
    const double lr = 0.5, eps = 1e-3;
    Adagrad opt({.lr = lr, .eps = eps, .eps_placement = placement});
    CHECK(opt.sum().empty());
    CHECK(opt.effective_rate().empty());
    CHECK(opt.last_update().empty());

    std::vector<double> x{1.0, -3.0, 0.0};
    const std::vector<std::vector<double>> grads{{2.0, -1.0, 0.0}, {-1.0, 4.0, 0.0}, {0.5, 0.5, 3.0}};
    std::vector<double> G(3, 0.0);
    for (const auto& g : grads) {
      const std::vector<double> before = x;
      opt.step(x, g);
      REQUIRE(opt.sum().size() == 3);
      for (std::size_t i = 0; i < 3; ++i) {
        G[i] += g[i] * g[i];
        const double rate = placement == EpsPlacement::inside ? lr / std::sqrt(G[i] + eps)
                                                              : lr / (std::sqrt(G[i]) + eps);
        CHECK(opt.sum()[i] == Approx(G[i]).epsilon(1e-15));
        CHECK(opt.effective_rate()[i] == Approx(rate).epsilon(1e-15));
        CHECK(opt.last_update()[i] == Approx(-rate * g[i]).epsilon(1e-15));
        CHECK(x[i] == Approx(before[i] - rate * g[i]).epsilon(1e-15));
      }
    }
    // a parameter that has only seen zero gradients has G = 0: the rate is lr/eps (outside) or
    // lr/sqrt(eps) (inside), finite, and it has not moved
    opt.reset();
    std::vector<double> y{1.0};
    opt.step(y, std::vector<double>{0.0});
    CHECK(opt.sum()[0] == 0.0);
    CHECK(opt.effective_rate()[0] ==
          Approx(placement == EpsPlacement::inside ? lr / std::sqrt(eps) : lr / eps).epsilon(1e-15));
    CHECK(y[0] == 1.0);

    opt.reset();
    CHECK(opt.sum().empty());
    CHECK(opt.effective_rate().empty());
    CHECK(opt.last_update().empty());
  }
}

TEST_CASE("reset() replays the same trajectory for every optimizer", "[optim][reset]") {
  std::vector<std::pair<std::string, std::function<std::unique_ptr<Optimizer>()>>> makers{
      {"sgd nesterov", [] { return std::make_unique<Sgd>(SgdOptions{.lr = 0.05, .momentum = 0.9, .nesterov = true}); }},
      {"sgd damped", [] { return std::make_unique<Sgd>(SgdOptions{.lr = 0.05, .momentum = 0.5, .dampening = 0.3}); }},
      {"adagrad", [] { return std::make_unique<Adagrad>(AdagradOptions{.lr = 0.3, .lr_decay = 0.1, .initial_accumulator_value = 0.1}); }},
      {"rmsprop", [] { return std::make_unique<Rmsprop>(RmspropOptions{.lr = 0.01, .momentum = 0.5, .centered = true}); }},
      {"adam", [] { return std::make_unique<Adam>(AdamOptions{.lr = 0.1, .amsgrad = true}); }},
  };
  for (const auto& [name, make] : makers) {
    INFO(name);
    // a gradient that depends on x (x^2 + 3 y^2) so that any left-over state would show
    auto run = [](Optimizer& opt) {
      std::vector<double> x{2.0, -1.0}, g(2), path;
      for (int s = 0; s < 20; ++s) {
        g = {2 * x[0], 6 * x[1]};
        opt.step(x, g);
        path.insert(path.end(), x.begin(), x.end());
      }
      return path;
    };
    const auto opt = make();
    const auto first = run(*opt);
    CHECK(opt->steps() == 20);
    opt->reset();
    CHECK(opt->steps() == 0);
    CHECK(run(*opt) == first);  // bit for bit
    CHECK(run(*make()) == first);  // and what a fresh optimizer does
  }
}

TEST_CASE("a step of a different size after the first throws until reset()", "[optim]") {
  Adagrad opt;
  std::vector<double> two{1, 2}, three{1, 2, 3};
  opt.step(two, std::vector<double>{0.1, 0.2});
  REQUIRE_THROWS_MATCHES(
      opt.step(three, std::vector<double>{0.1, 0.2, 0.3}), std::invalid_argument,
      Catch::Message("params has 3 values but this optimizer's state has 2; call reset() before changing size"));
  CHECK(three == std::vector<double>{1, 2, 3});
  CHECK(opt.steps() == 1);
  opt.reset();
  opt.step(three, std::vector<double>{0.1, 0.2, 0.3});
  CHECK(opt.steps() == 1);
  CHECK(opt.sum().size() == 3);
}

TEST_CASE("a rejected step leaves params, state and the step count untouched", "[optim]") {
  Adam opt({.lr = 0.1});
  std::vector<double> x{1.0, 2.0};
  opt.step(x, std::vector<double>{0.5, -0.5});
  const std::vector<double> after_one = x;
  // the NaN is at index 1, after a good value at index 0 that must not be applied either
  CHECK_THROWS_AS(opt.step(x, std::vector<double>{0.5, std::nan("")}), std::invalid_argument);
  CHECK(x == after_one);
  CHECK(opt.steps() == 1);
  // the state is untouched too: the next good step equals the one an unbothered twin takes
  Adam twin({.lr = 0.1});
  std::vector<double> y{1.0, 2.0};
  twin.step(y, std::vector<double>{0.5, -0.5});
  twin.step(y, std::vector<double>{0.25, 0.25});
  opt.step(x, std::vector<double>{0.25, 0.25});
  CHECK(x == y);
}

TEST_CASE("steps() counts the steps since construction or the last reset()", "[optim]") {
  Sgd opt;
  CHECK(opt.steps() == 0);
  std::vector<double> x{1.0};
  for (int s = 0; s < 3; ++s) opt.step(x, std::vector<double>{1.0});
  CHECK(opt.steps() == 3);
  opt.reset();
  CHECK(opt.steps() == 0);
}

// Once a bug: centered RMSProp took sqrt(v - m^2). With a steady gradient
// v - m^2 = alpha^t (1 - alpha^t) g^2 shrinks below the rounding error of v and m^2, can come
// out negative, and the square root turns finite gradients into NaN parameters (here at step 17).
TEST_CASE("centered rmsprop stays finite under a constant gradient", "[optim][rmsprop]") {
  Rmsprop opt({.lr = 1e-3, .alpha = 0.1, .centered = true});
  std::vector<double> x{0.0};
  const std::vector<double> g{0.3};
  bool finite = true;
  for (int s = 0; s < 100 && finite; ++s) {
    opt.step(x, g);
    finite = std::isfinite(x[0]);
  }
  CHECK(finite);
}

TEST_CASE("effective_rate is lr / (sqrt(v) + eps) for rmsprop and the moment's factor for adam",
          "[optim][effective_rate]") {
  SECTION("sgd has no rate of its own") {
    Sgd opt({.lr = 0.1});
    std::vector<double> x{1.0};
    opt.step(x, std::vector<double>{0.5});
    CHECK(opt.effective_rate().empty());
  }
  SECTION("rmsprop: v = (1 - alpha) g^2 after one step, and x moves by -rate g") {
    Rmsprop opt({.lr = 0.01, .alpha = 0.9});
    CHECK(opt.effective_rate().empty());
    std::vector<double> x{1.0, -2.0};
    const std::vector<double> g{0.5, 1.0};
    opt.step(x, g);
    REQUIRE(opt.effective_rate().size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
      const double rate = 0.01 / (std::sqrt(0.1 * g[i] * g[i]) + 1e-8);
      CHECK(opt.effective_rate()[i] == Approx(rate).epsilon(1e-15));
    }
    CHECK(x[0] == Approx(1.0 - opt.effective_rate()[0] * 0.5).epsilon(1e-15));
    opt.reset();
    CHECK(opt.effective_rate().empty());
  }
  SECTION("adam: lr / (1 - beta1) / (|g| + eps) after one step, times m = (1 - beta1) g") {
    Adam opt({.lr = 0.001});
    std::vector<double> x{1.0, -2.0};
    const std::vector<double> g{0.5, -4.0};
    opt.step(x, g);
    REQUIRE(opt.effective_rate().size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
      const double rate = 0.001 / 0.1 / (std::abs(g[i]) + 1e-8);
      CHECK(opt.effective_rate()[i] == Approx(rate).epsilon(1e-12));
    }
    CHECK(x[1] == Approx(-2.0 - opt.effective_rate()[1] * 0.1 * -4.0).epsilon(1e-12));
  }
  SECTION("adagrad's effective_rate is the same through the Optimizer interface") {
    Adagrad opt({.lr = 0.5});
    std::vector<double> x{1.0};
    opt.step(x, std::vector<double>{2.0});
    const Optimizer& base = opt;
    REQUIRE(base.effective_rate().size() == 1);
    CHECK(base.effective_rate()[0] == Approx(0.5 / (2.0 + 1e-10)).epsilon(1e-15));
  }
}

TEST_CASE("each optimizer says whether it has an effective rate and an accumulator, and refuses to give what it has not",
          "[optim][insides]") {
  Sgd sgd;
  Adagrad adagrad({.lr = 0.1});
  Rmsprop rmsprop;
  Adam adam;
  std::vector<double> x{1, -2};
  for (Optimizer* opt : std::initializer_list<Optimizer*>{&sgd, &adagrad, &rmsprop, &adam}) opt->step(x, std::vector<double>{0.5, -1});

  CHECK_FALSE(sgd.has_effective_rate());
  REQUIRE_THROWS_MATCHES(sgd.require_effective_rate(), std::invalid_argument,
                         Catch::Message("effectiveRate() is not available for sgd, whose rate is its lr"));
  for (Optimizer* opt : std::initializer_list<Optimizer*>{&adagrad, &rmsprop, &adam}) {
    INFO(opt->kind());
    CHECK(opt->has_effective_rate());
    CHECK(opt->require_effective_rate().data() == opt->effective_rate().data());
    CHECK(opt->require_effective_rate().size() == 2);
  }

  CHECK(adagrad.has_accumulator());
  CHECK(adagrad.require_accumulator().data() == adagrad.sum().data());
  CHECK(adagrad.accumulator()[1] == 1.0);  // G = (-1)²
  for (Optimizer* opt : std::initializer_list<Optimizer*>{&sgd, &rmsprop, &adam}) {
    INFO(opt->kind());
    CHECK_FALSE(opt->has_accumulator());
    CHECK(opt->accumulator().empty());
    REQUIRE_THROWS_MATCHES(opt->require_accumulator(), std::invalid_argument,
                           Catch::Message("sum() is only available for adagrad, this optimizer is " + std::string(opt->kind())));
  }
}
