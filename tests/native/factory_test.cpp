// optim::make_optimizer, the door the reference cases and the JS API come through: every kind
// from PyTorch's option names, the defaults when an option is missing, and a clear refusal of
// an unknown kind, an unknown option or a value of the wrong type.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "optim/adagrad.hpp"
#include "optim/adam.hpp"
#include "optim/factory.hpp"
#include "optim/rmsprop.hpp"
#include "optim/sgd.hpp"

using namespace adagrad::optim;
using Catch::Message;

namespace {

template <class T>
const T& as(const std::unique_ptr<Optimizer>& opt) {
  const auto* typed = dynamic_cast<const T*>(opt.get());
  REQUIRE(typed != nullptr);
  return *typed;
}

}  // namespace

TEST_CASE("make_optimizer builds sgd from PyTorch's option names", "[optim][factory]") {
  const auto opt = make_optimizer({"sgd",
                                   {{"lr", 0.5},
                                    {"momentum", 0.9},
                                    {"dampening", 0.0},
                                    {"weight_decay", 0.01},
                                    {"nesterov", true}}});
  CHECK(opt->kind() == "sgd");
  const auto& o = as<Sgd>(opt).options();
  CHECK(o.lr == 0.5);
  CHECK(o.momentum == 0.9);
  CHECK(o.dampening == 0.0);
  CHECK(o.weight_decay == 0.01);
  CHECK(o.nesterov);
}

TEST_CASE("make_optimizer builds adagrad from PyTorch's option names and eps_placement",
          "[optim][factory]") {
  const auto opt = make_optimizer({"adagrad",
                                   {{"lr", 0.1},
                                    {"lr_decay", 0.2},
                                    {"weight_decay", 0.3},
                                    {"initial_accumulator_value", 0.4},
                                    {"eps", 1e-8},
                                    {"eps_placement", std::string("inside")}}});
  CHECK(opt->kind() == "adagrad");
  const auto& o = as<Adagrad>(opt).options();
  CHECK(o.lr == 0.1);
  CHECK(o.lr_decay == 0.2);
  CHECK(o.weight_decay == 0.3);
  CHECK(o.initial_accumulator_value == 0.4);
  CHECK(o.eps == 1e-8);
  CHECK(o.eps_placement == EpsPlacement::inside);
}

TEST_CASE("make_optimizer builds rmsprop from PyTorch's option names", "[optim][factory]") {
  const auto opt = make_optimizer({"rmsprop",
                                   {{"lr", 0.02},
                                    {"alpha", 0.9},
                                    {"eps", 1e-6},
                                    {"weight_decay", 0.1},
                                    {"momentum", 0.5},
                                    {"centered", true}}});
  CHECK(opt->kind() == "rmsprop");
  const auto& o = as<Rmsprop>(opt).options();
  CHECK(o.lr == 0.02);
  CHECK(o.alpha == 0.9);
  CHECK(o.eps == 1e-6);
  CHECK(o.weight_decay == 0.1);
  CHECK(o.momentum == 0.5);
  CHECK(o.centered);
}

TEST_CASE("make_optimizer builds adam from PyTorch's option names", "[optim][factory]") {
  const auto opt = make_optimizer({"adam",
                                   {{"lr", 0.003},
                                    {"beta1", 0.8},
                                    {"beta2", 0.99},
                                    {"eps", 1e-7},
                                    {"weight_decay", 0.2},
                                    {"amsgrad", true}}});
  CHECK(opt->kind() == "adam");
  const auto& o = as<Adam>(opt).options();
  CHECK(o.lr == 0.003);
  CHECK(o.beta1 == 0.8);
  CHECK(o.beta2 == 0.99);
  CHECK(o.eps == 1e-7);
  CHECK(o.weight_decay == 0.2);
  CHECK(o.amsgrad);
}

TEST_CASE("make_optimizer keeps PyTorch's default for every option left out", "[optim][factory][defaults]") {
  const auto sgd = make_optimizer({"sgd", {}});
  CHECK(as<Sgd>(sgd).options().lr == 1e-3);
  CHECK(as<Sgd>(sgd).options().momentum == 0.0);
  const auto adagrad = make_optimizer({"adagrad", {{"lr", 0.7}}});
  CHECK(as<Adagrad>(adagrad).options().lr == 0.7);
  CHECK(as<Adagrad>(adagrad).options().eps == 1e-10);
  CHECK(as<Adagrad>(adagrad).options().eps_placement == EpsPlacement::outside);
  const auto rmsprop = make_optimizer({"rmsprop", {}});
  CHECK(as<Rmsprop>(rmsprop).options().alpha == 0.99);
  CHECK(as<Rmsprop>(rmsprop).options().eps == 1e-8);
  const auto adam = make_optimizer({"adam", {}});
  CHECK(as<Adam>(adam).options().beta1 == 0.9);
  CHECK(as<Adam>(adam).options().beta2 == 0.999);
  CHECK(as<Adam>(adam).options().eps == 1e-8);
}

TEST_CASE("a factory-built adagrad with eps inside steps as lr g / sqrt(G + eps)", "[optim][factory][adagrad]") {
  const auto opt = make_optimizer(
      {"adagrad", {{"lr", 1.0}, {"eps", 1e-8}, {"eps_placement", std::string("inside")}}});
  std::vector<double> x{1e-6};
  opt->step(x, std::vector<double>{2e-6});
  CHECK(x[0] == Approx(1e-6 - 2e-6 / std::sqrt(4e-12 + 1e-8)).epsilon(1e-14));
}

TEST_CASE("make_optimizer refuses an unknown kind", "[optim][factory][reject]") {
  REQUIRE_THROWS_MATCHES(make_optimizer({"adamw", {}}), std::invalid_argument,
                         Message("kind must be one of \"sgd\", \"adagrad\", \"rmsprop\", \"adam\", got \"adamw\""));
  REQUIRE_THROWS_MATCHES(make_optimizer({"", {}}), std::invalid_argument,
                         Message("kind must be one of \"sgd\", \"adagrad\", \"rmsprop\", \"adam\", got \"\""));
  // kinds are spelled in lower case, as PyTorch's module names are
  REQUIRE_THROWS_AS(make_optimizer({"Adagrad", {}}), std::invalid_argument);
}

TEST_CASE("make_optimizer refuses an option the kind does not have", "[optim][factory][reject]") {
  REQUIRE_THROWS_MATCHES(make_optimizer({"adam", {{"momentum", 0.9}}}), std::invalid_argument,
                         Message("unknown option \"momentum\" for adam"));
  REQUIRE_THROWS_MATCHES(make_optimizer({"sgd", {{"amsgrad", true}}}), std::invalid_argument,
                         Message("unknown option \"amsgrad\" for sgd"));
  REQUIRE_THROWS_MATCHES(make_optimizer({"rmsprop", {{"eps_placement", std::string("inside")}}}),
                         std::invalid_argument, Message("unknown option \"eps_placement\" for rmsprop"));
  REQUIRE_THROWS_MATCHES(make_optimizer({"adagrad", {{"learning_rate", 0.1}}}), std::invalid_argument,
                         Message("unknown option \"learning_rate\" for adagrad"));
}

TEST_CASE("make_optimizer refuses a value of the wrong type", "[optim][factory][reject]") {
  REQUIRE_THROWS_MATCHES(make_optimizer({"adagrad", {{"lr", std::string("0.1")}}}), std::invalid_argument,
                         Message("lr must be a number, got \"0.1\""));
  REQUIRE_THROWS_MATCHES(make_optimizer({"adam", {{"beta1", true}}}), std::invalid_argument,
                         Message("beta1 must be a number, got true"));
  REQUIRE_THROWS_MATCHES(make_optimizer({"sgd", {{"nesterov", 1.0}}}), std::invalid_argument,
                         Message("nesterov must be true or false, got 1"));
  REQUIRE_THROWS_MATCHES(make_optimizer({"rmsprop", {{"centered", std::string("yes")}}}),
                         std::invalid_argument, Message("centered must be true or false, got \"yes\""));
  REQUIRE_THROWS_MATCHES(make_optimizer({"adagrad", {{"eps_placement", 1.0}}}), std::invalid_argument,
                         Message("eps_placement must be \"outside\" or \"inside\", got 1"));
}

TEST_CASE("make_optimizer refuses an option given twice", "[optim][factory][reject]") {
  REQUIRE_THROWS_MATCHES(make_optimizer({"adagrad", {{"lr", 0.1}, {"lr", 0.2}}}), std::invalid_argument,
                         Message("option \"lr\" is given twice"));
}

TEST_CASE("make_optimizer passes option values through the constructors' range checks",
          "[optim][factory][reject]") {
  REQUIRE_THROWS_MATCHES(make_optimizer({"adagrad", {{"lr", 0.0}}}), std::invalid_argument,
                         Message("lr must be finite and > 0, got 0"));
  REQUIRE_THROWS_MATCHES(make_optimizer({"adagrad", {{"eps_placement", std::string("middle")}}}),
                         std::invalid_argument,
                         Message("eps_placement must be \"outside\" or \"inside\", got \"middle\""));
  REQUIRE_THROWS_MATCHES(make_optimizer({"sgd", {{"nesterov", true}}}), std::invalid_argument,
                         Message("nesterov needs momentum > 0 and dampening = 0, got momentum 0 and dampening 0"));
  REQUIRE_THROWS_MATCHES(make_optimizer({"adam", {{"beta2", 1.0}}}), std::invalid_argument,
                         Message("beta2 must be in [0, 1), got 1"));
}

TEST_CASE("option_names lists each kind's options in documentation order", "[optim][factory]") {
  using Names = std::vector<std::string_view>;
  CHECK(option_names("sgd") == Names{"lr", "momentum", "dampening", "weight_decay", "nesterov"});
  CHECK(option_names("adagrad") == Names{"lr", "lr_decay", "weight_decay", "initial_accumulator_value",
                                         "eps", "eps_placement"});
  CHECK(option_names("rmsprop") == Names{"lr", "alpha", "eps", "weight_decay", "momentum", "centered"});
  CHECK(option_names("adam") == Names{"lr", "beta1", "beta2", "eps", "weight_decay", "amsgrad"});
  REQUIRE_THROWS_MATCHES(option_names("lbfgs"), std::invalid_argument,
                         Message("kind must be one of \"sgd\", \"adagrad\", \"rmsprop\", \"adam\", got \"lbfgs\""));
}

TEST_CASE("every name option_names lists is accepted by make_optimizer", "[optim][factory]") {
  for (const std::string kind : {"sgd", "adagrad", "rmsprop", "adam"}) {
    for (const auto name : option_names(kind)) {
      INFO(kind << "." << name);
      OptionValue value = 0.0;
      if (name == "nesterov" || name == "centered" || name == "amsgrad") value = false;
      else if (name == "eps_placement") value = std::string("outside");
      else if (name == "lr" || name == "eps") value = 0.1;
      CHECK_NOTHROW(make_optimizer({kind, {{std::string(name), value}}}));
    }
  }
}
