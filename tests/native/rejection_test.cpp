// Every bad input is refused with std::invalid_argument whose message names the field and the
// value (house style), checked here message by message, exactly as the JS layer will show it.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "core/check.hpp"
#include "data/dataset.hpp"
#include "data/text.hpp"
#include "lesson/step_table.hpp"
#include "nn/mlp.hpp"
#include "nn/training.hpp"
#include "objectives/linear_regression.hpp"
#include "objectives/quadratic.hpp"
#include "objectives/trajectory.hpp"
#include "optim/adagrad.hpp"
#include "optim/adam.hpp"
#include "optim/rmsprop.hpp"
#include "optim/sgd.hpp"

using namespace adagrad;
using Catch::Message;

// Type and exact message in one go.
#define REQUIRE_REJECTS(expr, text) REQUIRE_THROWS_MATCHES(expr, std::invalid_argument, Message(text))

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

struct Bad {
  double value;
  const char* text;  // how the message spells it
};
const std::vector<Bad> kNotPositive{{kNaN, "nan"}, {kInf, "inf"}, {-kInf, "-inf"}, {0.0, "0"}, {-1.0, "-1"}};

data::Dataset small_2d() {
  return data::Dataset{.n = 2, .dim = 2, .x = {0, 1, 1, 0}, .y = {0, 1}};
}

}  // namespace

// ---- optimizers -------------------------------------------------------------------------

TEST_CASE("every optimizer refuses an lr that is nan, inf, 0 or negative", "[reject][optim]") {
  for (const auto& [value, text] : kNotPositive) {
    const std::string message = std::string("lr must be finite and > 0, got ") + text;
    INFO(message);
    REQUIRE_REJECTS(optim::Sgd({.lr = value}), message);
    REQUIRE_REJECTS(optim::Adagrad({.lr = value}), message);
    REQUIRE_REJECTS(optim::Rmsprop({.lr = value}), message);
    REQUIRE_REJECTS(optim::Adam({.lr = value}), message);
  }
}

TEST_CASE("adagrad, rmsprop and adam refuse eps 0 or nan", "[reject][optim]") {
  REQUIRE_REJECTS(optim::Adagrad({.eps = 0}), "eps must be finite and > 0, got 0");
  REQUIRE_REJECTS(optim::Rmsprop({.eps = 0}), "eps must be finite and > 0, got 0");
  REQUIRE_REJECTS(optim::Adam({.eps = 0}), "eps must be finite and > 0, got 0");
  REQUIRE_REJECTS(optim::Adagrad({.eps = kNaN}), "eps must be finite and > 0, got nan");
  REQUIRE_REJECTS(optim::Adam({.eps = -1e-8}), "eps must be finite and > 0, got -1e-08");
}

TEST_CASE("sgd and rmsprop refuse momentum 1 and -0.1", "[reject][optim]") {
  REQUIRE_REJECTS(optim::Sgd({.momentum = 1}), "momentum must be in [0, 1), got 1");
  REQUIRE_REJECTS(optim::Sgd({.momentum = -0.1}), "momentum must be in [0, 1), got -0.1");
  REQUIRE_REJECTS(optim::Rmsprop({.momentum = 1}), "momentum must be in [0, 1), got 1");
  REQUIRE_REJECTS(optim::Rmsprop({.momentum = -0.1}), "momentum must be in [0, 1), got -0.1");
  REQUIRE_REJECTS(optim::Sgd({.momentum = kNaN}), "momentum must be in [0, 1), got nan");
}

TEST_CASE("sgd refuses dampening 1 and -0.5", "[reject][optim]") {
  REQUIRE_REJECTS(optim::Sgd({.momentum = 0.9, .dampening = 1}), "dampening must be in [0, 1), got 1");
  REQUIRE_REJECTS(optim::Sgd({.momentum = 0.9, .dampening = -0.5}), "dampening must be in [0, 1), got -0.5");
}

TEST_CASE("rmsprop refuses alpha 1, adam refuses beta1 1 and beta2 -1", "[reject][optim]") {
  REQUIRE_REJECTS(optim::Rmsprop({.alpha = 1}), "alpha must be in [0, 1), got 1");
  REQUIRE_REJECTS(optim::Adam({.beta1 = 1}), "beta1 must be in [0, 1), got 1");
  REQUIRE_REJECTS(optim::Adam({.beta2 = -1}), "beta2 must be in [0, 1), got -1");
  REQUIRE_REJECTS(optim::Adam({.beta2 = kInf}), "beta2 must be in [0, 1), got inf");
}

TEST_CASE("every optimizer refuses weight_decay -1", "[reject][optim]") {
  const char* message = "weight_decay must be finite and >= 0, got -1";
  REQUIRE_REJECTS(optim::Sgd({.weight_decay = -1}), message);
  REQUIRE_REJECTS(optim::Adagrad({.weight_decay = -1}), message);
  REQUIRE_REJECTS(optim::Rmsprop({.weight_decay = -1}), message);
  REQUIRE_REJECTS(optim::Adam({.weight_decay = -1}), message);
  REQUIRE_REJECTS(optim::Adam({.weight_decay = kNaN}), "weight_decay must be finite and >= 0, got nan");
}

TEST_CASE("adagrad refuses a negative lr_decay or initial_accumulator_value", "[reject][optim]") {
  REQUIRE_REJECTS(optim::Adagrad({.lr_decay = -0.5}), "lr_decay must be finite and >= 0, got -0.5");
  REQUIRE_REJECTS(optim::Adagrad({.initial_accumulator_value = -1}),
                  "initial_accumulator_value must be finite and >= 0, got -1");
}

TEST_CASE("sgd refuses nesterov without momentum or with dampening", "[reject][optim]") {
  REQUIRE_REJECTS(optim::Sgd({.nesterov = true}),
                  "nesterov needs momentum > 0 and dampening = 0, got momentum 0 and dampening 0");
  REQUIRE_REJECTS(optim::Sgd({.momentum = 0.9, .dampening = 0.5, .nesterov = true}),
                  "nesterov needs momentum > 0 and dampening = 0, got momentum 0.9 and dampening 0.5");
}

TEST_CASE("eps_placement must be outside or inside", "[reject][optim]") {
  REQUIRE_REJECTS(optim::parse_eps_placement("middle"),
                  "eps_placement must be \"outside\" or \"inside\", got \"middle\"");
  REQUIRE_REJECTS(optim::parse_eps_placement("Inside", "optimizer.eps_placement"),
                  "optimizer.eps_placement must be \"outside\" or \"inside\", got \"Inside\"");
  CHECK(optim::parse_eps_placement("inside") == optim::EpsPlacement::inside);
  CHECK(optim::parse_eps_placement("outside") == optim::EpsPlacement::outside);
}

TEST_CASE("a step refuses a gradient holding nan or inf, naming the index", "[reject][optim]") {
  optim::Adagrad opt;
  std::vector<double> x{1, 2, 3};
  REQUIRE_REJECTS(opt.step(x, std::vector<double>{0, kNaN, 0}), "grad[1] must be finite, got nan");
  REQUIRE_REJECTS(opt.step(x, std::vector<double>{kInf, 0, 0}), "grad[0] must be finite, got inf");
  REQUIRE_REJECTS(opt.step(x, std::vector<double>{0, 0, -kInf}), "grad[2] must be finite, got -inf");
  CHECK(x == std::vector<double>{1, 2, 3});
  CHECK(opt.steps() == 0);
}

TEST_CASE("a step refuses a gradient of another size than params", "[reject][optim]") {
  optim::Sgd opt;
  std::vector<double> x{1, 2};
  REQUIRE_REJECTS(opt.step(x, std::vector<double>{1, 2, 3}), "grad has 3 values but params has 2");
  REQUIRE_REJECTS(opt.step(x, std::vector<double>{1}), "grad has 1 values but params has 2");
}

TEST_CASE("a step refuses empty params", "[reject][optim]") {
  optim::Sgd sgd;
  optim::Adagrad adagrad;
  optim::Rmsprop rmsprop;
  optim::Adam adam;
  for (optim::Optimizer* opt : std::vector<optim::Optimizer*>{&sgd, &adagrad, &rmsprop, &adam}) {
    INFO(opt->kind());
    std::vector<double> none;
    REQUIRE_REJECTS(opt->step(none, std::vector<double>{}), "params must not be empty");
    CHECK(opt->steps() == 0);
  }
}

// ---- data sets --------------------------------------------------------------------------

TEST_CASE("every generator refuses n_samples 0, 1 and -5", "[reject][data]") {
  for (const char* kind : {"spiral", "circle", "xor", "gaussians"}) {
    INFO(kind);
    REQUIRE_REJECTS(data::make_dataset(kind, {.n_samples = 0}), "n_samples must be >= 2, got 0");
    REQUIRE_REJECTS(data::make_dataset(kind, {.n_samples = 1}), "n_samples must be >= 2, got 1");
    REQUIRE_REJECTS(data::make_dataset(kind, {.n_samples = -5}), "n_samples must be >= 2, got -5");
    REQUIRE_REJECTS(data::make_dataset(kind, {.n_samples = 2'000'000}), "n_samples must be <= 1000000, got 2000000");
  }
}

TEST_CASE("every generator refuses noise -1 and nan", "[reject][data]") {
  for (const char* kind : {"spiral", "circle", "xor", "gaussians"}) {
    INFO(kind);
    REQUIRE_REJECTS(data::make_dataset(kind, {.noise = -1}), "noise must be finite and >= 0, got -1");
    REQUIRE_REJECTS(data::make_dataset(kind, {.noise = kNaN}), "noise must be finite and >= 0, got nan");
    REQUIRE_REJECTS(data::make_dataset(kind, {.noise = kInf}), "noise must be finite and >= 0, got inf");
  }
}

TEST_CASE("make_dataset refuses an unknown kind", "[reject][data]") {
  REQUIRE_REJECTS(data::make_dataset("moons"),
                  "kind must be one of \"spiral\", \"notebook_spiral\", \"circle\", \"xor\", \"gaussians\", got \"moons\"");
}

TEST_CASE("validate refuses a data set whose sizes or values are wrong", "[reject][data]") {
  REQUIRE_REJECTS(data::validate(data::Dataset{.n = 0, .dim = 2, .x = {}, .y = {}}), "a data set needs at least 1 sample, got 0");
  REQUIRE_REJECTS(data::validate(data::Dataset{.n = 1, .dim = 0, .x = {}, .y = {}}), "a data set needs at least 1 input column, got 0");
  REQUIRE_REJECTS(data::validate(data::Dataset{.n = 2, .dim = 2, .x = {0, 1, 2}, .y = {0, 1}}),
                  "x has 3 values but n × dim has 4");
  REQUIRE_REJECTS(data::validate(data::Dataset{.n = 2, .dim = 1, .x = {0, 1}, .y = {0}}),
                  "y has 1 values but n has 2");
  REQUIRE_REJECTS(data::validate(data::Dataset{.n = 2, .dim = 1, .x = {0, kNaN}, .y = {0, 1}}),
                  "x[1] must be finite, got nan");
  REQUIRE_REJECTS(data::validate(data::Dataset{.n = 2, .dim = 1, .x = {0, 1}, .y = {-kInf, 1}}),
                  "y[0] must be finite, got -inf");
}

// ---- network ----------------------------------------------------------------------------

TEST_CASE("a network refuses layers {2}, {2,0,1} and {2,10,2}", "[reject][nn]") {
  REQUIRE_REJECTS(nn::Mlp({.layers = {2}}), "layers must list at least an input and an output size, got 1 size");
  REQUIRE_REJECTS(nn::Mlp({.layers = {}}), "layers must list at least an input and an output size, got 0 sizes");
  REQUIRE_REJECTS(nn::Mlp({.layers = {2, 0, 1}}), "layers[1] must be between 1 and 4096, got 0");
  REQUIRE_REJECTS(nn::Mlp({.layers = {2, -3, 1}}), "layers[1] must be between 1 and 4096, got -3");
  REQUIRE_REJECTS(nn::Mlp({.layers = {2, 5000, 1}}), "layers[1] must be between 1 and 4096, got 5000");
  REQUIRE_REJECTS(nn::Mlp({.layers = {2, 10, 2}}),
                  "layers must end in 1 output (sigmoid, binary cross-entropy), got 2");
}

TEST_CASE("an unknown activation or init is refused", "[reject][nn]") {
  REQUIRE_REJECTS(nn::parse_activation("swish"),
                  "activation must be one of \"relu\", \"tanh\", \"sigmoid\", \"linear\", got \"swish\"");
  REQUIRE_REJECTS(nn::parse_init("xavier"),
                  "init must be one of \"auto\", \"he\", \"glorot\", \"notebook\", got \"xavier\"");
}

TEST_CASE("set_params refuses the wrong size and non-finite weights", "[reject][nn]") {
  nn::Mlp net;
  const std::vector<double> before(net.params().begin(), net.params().end());
  REQUIRE_REJECTS(net.set_params(std::vector<double>(3, 0.0)), "params has 3 values but the network has 41");
  std::vector<double> p(41, 0.5);
  p[7] = kNaN;
  REQUIRE_REJECTS(net.set_params(p), "params[7] must be finite, got nan");
  CHECK(std::vector<double>(net.params().begin(), net.params().end()) == before);
}

TEST_CASE("evaluate and loss_and_gradient refuse x and y that do not match", "[reject][nn]") {
  nn::Mlp net;
  const std::vector<double> x{1, 2, 3, 4, 5}, y{0, 1};
  REQUIRE_REJECTS(net.evaluate(x, y), "x has 5 values but y × inputs has 4");
  REQUIRE_REJECTS(net.loss_and_gradient(x, y), "x has 5 values but y × inputs has 4");
  REQUIRE_REJECTS(net.evaluate(std::vector<double>{}, std::vector<double>{}), "y must not be empty");
}

TEST_CASE("predict refuses an output of the wrong size", "[reject][nn]") {
  nn::Mlp net;
  std::vector<double> out(2);
  REQUIRE_REJECTS(net.predict(std::vector<double>{1, 2, 3}, out), "x has 3 values but out × inputs has 4");
}

TEST_CASE("predict_grid refuses bad bounds, sizes and outputs", "[reject][nn]") {
  nn::Mlp net;
  std::vector<double> out(4);
  REQUIRE_REJECTS(net.predict_grid({.x_min = 2, .x_max = 1, .nx = 2, .ny = 2}, out), "x_max must be > x_min, got 1 <= 2");
  REQUIRE_REJECTS(net.predict_grid({.x_min = 1, .x_max = 1, .nx = 2, .ny = 2}, out), "x_max must be > x_min, got 1 <= 1");
  REQUIRE_REJECTS(net.predict_grid({.y_min = 0, .y_max = -1, .nx = 2, .ny = 2}, out), "y_max must be > y_min, got -1 <= 0");
  REQUIRE_REJECTS(net.predict_grid({.x_min = kNaN, .nx = 2, .ny = 2}, out), "x_min must be finite, got nan");
  REQUIRE_REJECTS(net.predict_grid({.y_max = kInf, .nx = 2, .ny = 2}, out), "y_max must be finite, got inf");
  REQUIRE_REJECTS(net.predict_grid({.nx = 0, .ny = 2}, out), "nx must be between 1 and 4096, got 0");
  REQUIRE_REJECTS(net.predict_grid({.nx = 2, .ny = -1}, out), "ny must be between 1 and 4096, got -1");
  REQUIRE_REJECTS(net.predict_grid({.nx = 3, .ny = 2}, out), "out has 4 values but nx × ny has 6");
  nn::Mlp three_inputs({.layers = {3, 4, 1}});
  REQUIRE_REJECTS(three_inputs.predict_grid({.nx = 2, .ny = 2}, out), "predict_grid needs a network with 2 inputs, got 3");
}

// ---- objectives, trajectories and the step table ---------------------------------------

TEST_CASE("quadratic refuses empty, zero or negative scales", "[reject][objectives]") {
  REQUIRE_REJECTS(objectives::Quadratic({}), "scales must not be empty");
  REQUIRE_REJECTS(objectives::Quadratic({0}), "scales[0] must be finite and > 0, got 0");
  REQUIRE_REJECTS(objectives::Quadratic({1, -2}), "scales[1] must be finite and > 0, got -2");
  REQUIRE_REJECTS(objectives::Quadratic({1, kNaN}), "scales[1] must be finite and > 0, got nan");
  REQUIRE_REJECTS(objectives::Quadratic({1, 10}, {1}), "start has 1 values but scales has 2");
  REQUIRE_REJECTS(objectives::Quadratic({1}, {kInf}), "start[0] must be finite, got inf");
}

TEST_CASE("an objective refuses a point of the wrong size", "[reject][objectives]") {
  const objectives::Quadratic f({1, 10});
  std::vector<double> g(2), g3(3);
  REQUIRE_REJECTS(f.value(std::vector<double>{1, 2, 3}), "x has 3 values but the objective has 2");
  REQUIRE_REJECTS(f.gradient(std::vector<double>{1, 2}, g3), "grad has 3 values but the objective has 2");
  const objectives::LinearRegressionMse mse(data::Dataset{.n = 2, .dim = 1, .x = {0, 1}, .y = {1, 3}});
  REQUIRE_REJECTS(mse.value(std::vector<double>{1}), "x has 1 values but the objective has 2");
}

TEST_CASE("linear regression refuses a data set whose minimum is not unique", "[reject][objectives]") {
  // the input column equals the constant column: w + b is fixed, w and b are not
  const objectives::LinearRegressionMse f(data::Dataset{.n = 3, .dim = 1, .x = {1, 1, 1}, .y = {1, 2, 3}});
  REQUIRE_REJECTS(f.minimum(), "the data set's columns are linearly dependent; the minimum is not unique");
}

TEST_CASE("run refuses a bad start or step count", "[reject][objectives]") {
  const objectives::Quadratic f({1, 10});
  optim::Sgd opt;
  REQUIRE_REJECTS(objectives::run(opt, f, std::vector<double>{1}, 5), "x0 has 1 values but the objective has 2");
  REQUIRE_REJECTS(objectives::run(opt, f, std::vector<double>{1, kNaN}, 5), "x0[1] must be finite, got nan");
  REQUIRE_REJECTS(objectives::run(opt, f, std::vector<double>{1, 1}, -1), "steps must be between 0 and 10000000, got -1");
}

TEST_CASE("step_table refuses steps 0, x0 nan and lr -1", "[reject][lesson]") {
  REQUIRE_REJECTS(lesson::step_table({.steps = 0}), "steps must be between 1 and 100000, got 0");
  REQUIRE_REJECTS(lesson::step_table({.steps = 100001}), "steps must be between 1 and 100000, got 100001");
  REQUIRE_REJECTS(lesson::step_table({.x0 = kNaN}), "x0 must be finite, got nan");
  REQUIRE_REJECTS(lesson::step_table({.lr = -1}), "lr must be finite and > 0, got -1");
  REQUIRE_REJECTS(lesson::step_table({.eps = 0}), "eps must be finite and > 0, got 0");
  CHECK_THROWS_AS(lesson::step_table({.scale = 0}), std::invalid_argument);
}

// The option is `scale`; the message used to name the Quadratic built inside step_table
// ("scales[0] must be ..."), fixed in 42a0c92.
TEST_CASE("step_table's refusal of scale 0 names the option scale", "[reject][lesson]") {
  REQUIRE_REJECTS(lesson::step_table({.scale = 0}), "scale must be finite and > 0, got 0");
  REQUIRE_REJECTS(lesson::step_table({.scale = kNaN}), "scale must be finite and > 0, got nan");
}

// Once missing: x0 = 1e308 is finite and passed, but its gradient 2e308
// is not, and the step failed with "grad[0] must be finite, got inf", naming no option.
TEST_CASE("step_table refuses an x0 whose gradient overflows, naming x0", "[reject][lesson]") {
  REQUIRE_THROWS_WITH(lesson::step_table({.x0 = 1e308}), Catch::Contains("x0"));
}

// ---- training ---------------------------------------------------------------------------

TEST_CASE("a training run refuses data of the wrong width", "[reject][training]") {
  data::Dataset three{.n = 1, .dim = 3, .x = {1, 2, 3}, .y = {1}};
  REQUIRE_REJECTS(nn::TrainingRun(nn::Mlp(), std::make_unique<optim::Sgd>(), three),
                  "the data set has 3 input columns but the network has 2 inputs");
}

TEST_CASE("a training run refuses labels other than 0 and 1", "[reject][training]") {
  data::Dataset d = small_2d();
  d.y[1] = 0.5;
  REQUIRE_REJECTS(nn::TrainingRun(nn::Mlp(), std::make_unique<optim::Sgd>(), d), "y[1] must be 0 or 1, got 0.5");
  d.y[1] = -1;
  REQUIRE_REJECTS(nn::TrainingRun(nn::Mlp(), std::make_unique<optim::Sgd>(), d), "y[1] must be 0 or 1, got -1");
}

TEST_CASE("a training run refuses batch_size -1, no optimizer, and epochs(0)", "[reject][training]") {
  REQUIRE_REJECTS(nn::TrainingRun(nn::Mlp(), std::make_unique<optim::Sgd>(), small_2d(), {.batch_size = -1}),
                  "batch_size must be >= 0 (0 for full batch), got -1");
  REQUIRE_REJECTS(nn::TrainingRun(nn::Mlp(), nullptr, small_2d()), "optimizer must not be null");
  nn::TrainingRun run(nn::Mlp(), std::make_unique<optim::Sgd>(), small_2d());
  REQUIRE_REJECTS(run.epochs(0), "count must be >= 1, got 0");
  REQUIRE_REJECTS(run.restart(std::vector<double>(5, 0.0)), "params has 5 values but the network has 41");
}

TEST_CASE("a training run refuses a data set with non-finite values", "[reject][training]") {
  data::Dataset d = small_2d();
  d.x[3] = kNaN;
  REQUIRE_REJECTS(nn::TrainingRun(nn::Mlp(), std::make_unique<optim::Sgd>(), d), "x[3] must be finite, got nan");
}

// Once missing: evaluate, loss_and_gradient and predict took x as it
// comes. With the NaN-dropping kernels a NaN input even yields a finite loss (relu 0.693,
// tanh 0.897 for the default net) and, for a linear net, P = 1 and accuracy 1 beside a NaN loss.
TEST_CASE("evaluate refuses a non-finite input, naming the index", "[reject][nn]") {
  nn::Mlp net;
  REQUIRE_REJECTS(net.evaluate(std::vector<double>{0, kNaN}, std::vector<double>{1}), "x[1] must be finite, got nan");
}

TEST_CASE("value_grid refuses an objective that is not 2-D and a bad grid", "[reject][objectives]") {
  REQUIRE_REJECTS(objectives::value_grid(objectives::Quadratic({1}), {}),
                  "value_grid needs an objective of 2 parameters, got 1");
  REQUIRE_REJECTS(objectives::value_grid(objectives::Quadratic({1, 1}), {.x_min = 3, .x_max = 3}),
                  "x_max must be > x_min, got 3 <= 3");
  REQUIRE_REJECTS(objectives::value_grid(objectives::Quadratic({1, 1}), {.nx = 5000}),
                  "nx must be between 1 and 4096, got 5000");
}

TEST_CASE("value_grid bounds its work: cells × samples × parameters", "[reject][objectives]") {
  // 1024 × 1024 cells over 256 samples of a line: 2^20 × 512 = 2^29 multiply-adds, the limit
  data::Dataset data{.n = 256, .dim = 1, .x = std::vector<double>(256, 0.5), .y = std::vector<double>(256, 1.0)};
  const objectives::LinearRegressionMse mse(data);
  REQUIRE(mse.value_cost() == 512);
  REQUIRE(objectives::value_grid(mse, {.nx = 1024, .ny = 1024}).size() == std::size_t{1} << 20);
  REQUIRE_REJECTS(objectives::value_grid(mse, {.nx = 1025, .ny = 1024}),
                  "the grid's 1025 × 1024 cells at 512 multiply-adds each (samples × parameters) are more work "
                  "than one call may do (536870912); use a coarser grid or fewer samples");
  // a closed form costs its parameters only: the largest grid passes
  REQUIRE(objectives::value_grid(objectives::Quadratic({1, 1}), {.nx = 4096, .ny = 4096}).size() == std::size_t{4096} * 4096);
}

// ---- sizes (issue 14: in wasm32 these products overflowed size_t and corrupted memory) ------

TEST_CASE("size products past kMaxValues are refused, naming the field, natively as in WASM", "[reject][sizes]") {
  REQUIRE_REJECTS(checked_product("x", std::size_t{1} << 20, 4096),
                  "x would hold 1048576 × 4096 values, more than the limit of 33554432");
  REQUIRE(checked_product("x", 4096, 8192) == std::size_t{4096} * 8192);
  REQUIRE_REJECTS(checked_product("x", std::numeric_limits<std::size_t>::max(), 2),
                  "x would hold " + std::to_string(std::numeric_limits<std::size_t>::max()) +
                      " × 2 values, more than the limit of 33554432");
  REQUIRE_REJECTS(data::validate(data::Dataset{.n = 65537, .dim = 65536, .x = {}, .y = {}}),
                  "x would hold 65537 × 65536 values, more than the limit of 33554432");
}

TEST_CASE("a network's parameter count is capped, and the message gives the count", "[reject][sizes]") {
  std::vector<long long> wide(259, 4096);  // 257 hidden layers of 4096: the count wrapped in wasm32
  wide.front() = 2;
  wide.back() = 1;
  REQUIRE_REJECTS(nn::Mlp({.layers = wide}), "layers need 4296032257 parameters, more than the limit of 33554432");
  // every width within its own limit, three of them too many together
  REQUIRE_REJECTS(nn::Mlp({.layers = {2, 4096, 4096, 4096, 1}}),
                  "layers need 33579009 parameters, more than the limit of 33554432");
  REQUIRE(nn::Mlp({.layers = {2, 4096, 4096, 1}}).num_params() == 16797697);
}

TEST_CASE("a gradient's batch must fit the widest layer; evaluate takes any number", "[reject][sizes]") {
  nn::Mlp net({.layers = {1, 4096, 1}, .activation = nn::Activation::linear});
  REQUIRE(net.max_batch() == 8192);
  const std::vector<double> x(8193, 0.5), y(8193, 1.0);  // 8193 × 4096 values per layer
  REQUIRE_REJECTS(net.loss_and_gradient(x, y),
                  "y must hold at most 8192 samples for this network (a batch keeps samples × 4096 values "
                  "for its widest layer, at most 33554432), got 8193");
  REQUIRE(std::isfinite(net.evaluate(x, y).loss));  // in chunks
  const data::Dataset d{.n = 8193, .dim = 1, .x = x, .y = y};
  REQUIRE_REJECTS(nn::TrainingRun(nn::Mlp({.layers = {1, 4096, 1}}), std::make_unique<optim::Sgd>(), d),
                  "batch_size must be at most 8192 samples for this network (a batch keeps samples × 4096 "
                  "values for its widest layer, at most 33554432), got 0: the whole data set of 8193 samples");
  REQUIRE_REJECTS(nn::TrainingRun(nn::Mlp({.layers = {1, 4096, 1}}), std::make_unique<optim::Sgd>(), d,
                                  {.batch_size = 8193}),
                  "batch_size must be at most 8192 samples for this network (a batch keeps samples × 4096 "
                  "values for its widest layer, at most 33554432), got 8193: the whole data set of 8193 samples");
  nn::TrainingRun ok(nn::Mlp({.layers = {1, 4096, 1}}), std::make_unique<optim::Sgd>(), d, {.batch_size = 8192});
  REQUIRE_FALSE(ok.epoch().diverged);
}

TEST_CASE("a bag of words whose texts × words would pass the limit is refused", "[reject][sizes]") {
  // 8193 texts, one of them with 4097 distinct words: 33,566,721 counts
  std::string many;
  for (int w = 0; w < 4097; ++w)
    many += std::string{char('a' + w % 26), char('a' + w / 26 % 26), char('a' + w / 676), ' '};
  std::vector<std::string> texts(8192, "aaa");
  texts.push_back(many);
  const std::vector<double> labels(texts.size(), 1.0);
  REQUIRE_REJECTS(data::bag_of_words(texts, labels),
                  "the bag of words (texts × distinct words) would hold 8193 × 4097 values, more than the limit of 33554432");
}

TEST_CASE("a run whose path would pass the limit is refused before it starts", "[reject][sizes]") {
  const objectives::Quadratic f(std::vector<double>(1000, 1.0));
  optim::Sgd sgd;
  REQUIRE_REJECTS(objectives::run(sgd, f, f.start(), 40000),
                  "steps must be at most 33553 for 1000 parameters (a run keeps (steps + 1) × 1000 values, "
                  "at most 33554432), got 40000");
  REQUIRE(objectives::run(sgd, f, f.start(), 3).steps_taken() == 3);
}

TEST_CASE("the minimum is solved for at most 2048 columns", "[reject][sizes]") {
  objectives::LinearRegressionMse huge(data::Dataset{.n = 1, .dim = 4096, .x = std::vector<double>(4096, 1.0), .y = {1}});
  REQUIRE_REJECTS(huge.minimum(), "dim must be at most 2048 to solve for the minimum, got 4096");
}

TEST_CASE("step_table blames lr when a huge lr makes the gradient overflow", "[reject][lesson]") {
  REQUIRE_THROWS_WITH(lesson::step_table({.x0 = 4, .lr = 1e308, .steps = 5}),
                      Catch::StartsWith("lr = 1e+308 is too large: at step"));
  // x thrown to -1e160 or so: its gradient is finite, its square is not
  REQUIRE_REJECTS(lesson::step_table({.x0 = 4, .lr = 1e160, .steps = 5}),
                  "lr = 1e+160 is too large: at step 2 x reached -9.999999987499999e+159 and the sum of squared gradients overflows");
}

TEST_CASE("step_table refuses an x0 whose squared gradient overflows instead of freezing x", "[reject][lesson]") {
  // 2·scale·x0 = 2e300 is finite, G = 4e600 is not: the rate would be 0 and every row the same
  REQUIRE_REJECTS(lesson::step_table({.x0 = 1, .steps = 5, .scale = 1e300}),
                  "x0 is too large: at step 1 the sum of squared gradients (2·scale·x)² overflows, got x0 = 1 "
                  "with scale = 1e+300");
}

TEST_CASE("epochs() refuses more than kMaxEpochsPerCall in one call", "[reject][training]") {
  nn::TrainingRun run(nn::Mlp(), std::make_unique<optim::Sgd>(), small_2d());
  REQUIRE_REJECTS(run.epochs(nn::kMaxEpochsPerCall + 1), "count must be at most 1000000 epochs per call, got 1000001");
}
