// The decision boundary for drawing: the network's P(class 1) over a grid in single precision.
// A heatmap cannot show the difference (|error| < 1e-6 in a probability), and 4-wide float
// vectors do twice the work of 2-wide doubles per instruction. Mlp::predict_grid is the exact,
// double-precision one.
#pragma once

#include <span>

#include "core/grid.hpp"
#include "nn/mlp.hpp"

namespace adagrad::nn {

/// out (ny × nx, row 0 at the top) ← P(class 1) at each cell centre; the network must have 2 inputs.
/// Where single precision overflows (weights past float's range), the grid comes from the exact
/// Mlp::predict_grid instead, which throws if even double precision overflows.
void boundary_grid(const Mlp& net, const Grid& grid, std::span<float> out);

}  // namespace adagrad::nn
