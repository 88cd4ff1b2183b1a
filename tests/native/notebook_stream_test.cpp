// numpy's legacy stream, against numbers numpy itself produced: the seed notebook's spiral and
// initial weights are recorded in the reference cases (tests/reference/network_*.json).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <string>

#include "data/dataset.hpp"
#include "data/numpy_legacy.hpp"
#include "nn/mlp.hpp"

using namespace adagrad;

namespace {
nlohmann::json notebook_case() {
  std::ifstream in(std::string(ADAGRAD_DEFAULT_REFERENCE_DIR) + "/network_seed_spiral_adagrad.json");
  return nlohmann::json::parse(in);
}
}  // namespace

TEST_CASE("numpy's legacy stream: seed 42 gives numpy's first randn values", "[data][numpy]") {
  // np.random.seed(42); np.random.randn(4) -> 0.4967141530112327, -0.13826430117118466,
  // 0.6476885381006925, 1.5230298564080254 (the notebook's W1, divided by 0.1)
  data::NumpyLegacyRandom numpy(42);
  const double want[] = {0.4967141530112327, -0.13826430117118466, 0.6476885381006925, 1.5230298564080254};
  for (double w : want) CHECK(numpy.gauss() == Approx(w).epsilon(0).margin(1e-15));
}

TEST_CASE("numpy's legacy stream: a permutation is a permutation, and seeds 2^32 and up are refused", "[data][numpy]") {
  data::NumpyLegacyRandom numpy(7);
  auto p = numpy.permutation(1000);
  std::sort(p.begin(), p.end());
  for (std::uint32_t i = 0; i < 1000; ++i) REQUIRE(p[i] == i);
  REQUIRE_THROWS_WITH(data::NumpyLegacyRandom(4294967296ull),
                      "seed must be < 4294967296 for numpy's legacy stream, got 4294967296");
}

TEST_CASE("the notebook's spiral is the notebook's 300 points, labels and order", "[data][numpy]") {
  const auto c = notebook_case();
  const auto& X = c.at("data").at("X");
  const auto& y = c.at("data").at("y");
  const data::Dataset d = data::notebook_spiral({.n_samples = 300, .noise = 0.1, .seed = 42});
  REQUIRE(d.n == X.size());
  double worst = 0;
  for (std::size_t k = 0; k < d.n; ++k) {
    REQUIRE(d.y[k] == y[k].get<double>());
    for (std::size_t j = 0; j < 2; ++j) worst = std::max(worst, std::abs(d.x[2 * k + j] - X[k][j].get<double>()));
  }
  INFO("largest difference from numpy's points: " << worst);
  CHECK(worst < 1e-14);  // numpy's own cos, sin and log may differ from ours in the last bit
  REQUIRE_THROWS_WITH(data::notebook_spiral({.n_samples = 301}), "n_samples must be even for the notebook's spiral, got 301");
}

TEST_CASE("init notebook gives the notebook's starting weights", "[nn][numpy]") {
  const auto c = notebook_case();
  nn::Mlp net({.layers = {2, 10, 1}, .activation = nn::Activation::relu, .init = nn::Init::notebook, .seed = 42});
  std::vector<double> want;
  for (const char* name : {"W1", "b1", "W2", "b2"})
    for (const auto& row : c.at("init").at(name)) {
      if (row.is_array())
        for (const auto& v : row) want.push_back(v.get<double>());
      else
        want.push_back(row.get<double>());
    }
  REQUIRE(want.size() == net.num_params());
  for (std::size_t i = 0; i < want.size(); ++i) CHECK(net.params()[i] == Approx(want[i]).epsilon(0).margin(1e-16));
}
