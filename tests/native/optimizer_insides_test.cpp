// Every optimizer reports the change it applied, and its options' defaults, from C++.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "optim/factory.hpp"

using namespace adagrad::optim;

TEST_CASE("every optimizer's last_update is exactly the change it applied", "[optim]") {
  for (const char* kind : {"sgd", "adagrad", "rmsprop", "adam"}) {
    auto opt = make_optimizer({kind, {{"lr", 0.05}, {"weight_decay", 0.01}}});
    REQUIRE(opt->last_update().empty());
    std::vector<double> x{1, -2, 3};
    for (int t = 0; t < 5; ++t) {
      const auto before = x;
      const std::vector<double> g{0.5, -1.0, 2.0 + t};
      opt->step(x, g);
      for (std::size_t i = 0; i < x.size(); ++i) CHECK(before[i] + opt->last_update()[i] == x[i]);
    }
    opt->reset();
    CHECK(opt->last_update().empty());
  }
}

TEST_CASE("option_defaults are PyTorch's, in option_names order", "[optim][factory]") {
  const auto adagrad = option_defaults("adagrad");
  REQUIRE(adagrad.size() == option_names("adagrad").size());
  CHECK(adagrad[0].first == "lr");
  CHECK(std::get<double>(adagrad[0].second) == 0.01);
  CHECK(std::get<double>(adagrad[4].second) == 1e-10);
  CHECK(std::get<std::string>(adagrad[5].second) == "outside");
  const auto adam = option_defaults("adam");
  CHECK(std::get<double>(adam[2].second) == 0.999);
  CHECK(std::get<bool>(adam[5].second) == false);
  REQUIRE_THROWS_WITH(option_defaults("lion"), "kind must be one of \"sgd\", \"adagrad\", \"rmsprop\", \"adam\", got \"lion\"");
}
