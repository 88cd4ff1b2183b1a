// The float32 boundary for drawing agrees with the exact double-precision predict_grid to well
// below what a heatmap can show.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "nn/boundary.hpp"
#include "nn/mlp.hpp"

using namespace adagrad;

TEST_CASE("boundary_grid matches predict_grid to 2e-6 for every activation", "[nn][boundary]") {
  for (auto act : {nn::Activation::relu, nn::Activation::tanh, nn::Activation::sigmoid, nn::Activation::linear}) {
    // Large weights put units deep in saturation and near zero alike.
    nn::Mlp net({.layers = {2, 32, 17, 1}, .activation = act, .init = nn::Init::glorot, .seed = 5});
    for (double& p : net.params()) p *= 3;
    const Grid grid{.x_min = -3, .x_max = 2, .y_min = -1, .y_max = 4, .nx = 37, .ny = 29};  // not a multiple of 16
    std::vector<double> exact(grid.size());
    std::vector<float> fast(grid.size());
    net.predict_grid(grid, exact);
    nn::boundary_grid(net, grid, fast);
    double worst = 0;
    for (std::size_t i = 0; i < exact.size(); ++i) worst = std::max(worst, std::abs(fast[i] - exact[i]));
    INFO("activation " << nn::to_string(act) << ": largest difference " << worst);
    CHECK(worst < 2e-6);
  }
}

TEST_CASE("boundary_grid refuses a network without 2 inputs and a bad grid", "[nn][boundary][reject]") {
  nn::Mlp three({.layers = {3, 4, 1}});
  std::vector<float> out(100 * 100);
  REQUIRE_THROWS_WITH(nn::boundary_grid(three, {}, out), "boundary_grid needs a network with 2 inputs, got 3");
  nn::Mlp net;
  REQUIRE_THROWS_WITH(nn::boundary_grid(net, {.nx = 0}, out), "nx must be between 1 and 4096, got 0");
  std::vector<float> small(10);
  REQUIRE_THROWS_WITH(nn::boundary_grid(net, {}, small), "out has 10 values but nx × ny has 10000");
}
