// A rectangle of a plane sampled at cell centres, for decision boundaries and loss contours.
// Row 0 is the top (y_max), so a grid maps straight onto a canvas.
#pragma once

#include <cstddef>

namespace adagrad {

struct Grid {
  double x_min = -2.5, x_max = 2.5, y_min = -2.5, y_max = 2.5;
  long long nx = 100, ny = 100;  ///< 1 … 4096 each

  /// Throws std::invalid_argument naming the field unless the bounds are finite, ordered and
  /// the counts in range.
  void validate() const;
  std::size_t size() const { return static_cast<std::size_t>(nx) * static_cast<std::size_t>(ny); }
  double x_at(std::size_t column) const;  ///< centre of a column
  double y_at(std::size_t row) const;     ///< centre of a row (row 0 at the top)
};

}  // namespace adagrad
