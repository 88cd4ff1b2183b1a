#include "core/grid.hpp"

#include <string>

#include "core/check.hpp"

namespace adagrad {

void Grid::validate() const {
  require_finite("x_min", x_min);
  require_finite("x_max", x_max);
  require_finite("y_min", y_min);
  require_finite("y_max", y_max);
  if (!(x_max > x_min))
    fail("x_max must be > x_min, got " + format_number(x_max) + " <= " + format_number(x_min));
  if (!(y_max > y_min))
    fail("y_max must be > y_min, got " + format_number(y_max) + " <= " + format_number(y_min));
  if (nx < 1 || nx > 4096) fail("nx must be between 1 and 4096, got " + std::to_string(nx));
  if (ny < 1 || ny > 4096) fail("ny must be between 1 and 4096, got " + std::to_string(ny));
}

double Grid::x_at(std::size_t column) const {
  return x_min + (static_cast<double>(column) + 0.5) * (x_max - x_min) / static_cast<double>(nx);
}

double Grid::y_at(std::size_t row) const {
  return y_max - (static_cast<double>(row) + 0.5) * (y_max - y_min) / static_cast<double>(ny);
}

}  // namespace adagrad
