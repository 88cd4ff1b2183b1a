// A labelled data set, row-major, and the generators that share one signature and take their
// seed explicitly (as tensorflow/playground's dataset.ts does), so the page, the tests and the
// benchmarks draw the same points.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace adagrad::data {

struct Dataset {
  std::size_t n = 0;        ///< samples
  std::size_t dim = 0;      ///< inputs per sample
  std::vector<double> x;    ///< n × dim, row-major
  std::vector<double> y;    ///< n targets (0/1 labels for the classification sets)
};

/// Throws std::invalid_argument unless x has n·dim finite values and y n finite values, n >= 1.
void validate(const Dataset& data);

struct DatasetOptions {
  long long n_samples = 300;  ///< >= 2
  double noise = 0.1;         ///< standard deviation of Gaussian jitter per coordinate, >= 0
  std::uint64_t seed = 42;
};

/// The notebook's two-armed spiral: θ evenly spaced over [0, 4π], r over [0.5, 2], class 1
/// rotated by π, jittered, shuffled.
Dataset spiral(const DatasetOptions& options = {});
/// The same spiral drawn exactly as the seed notebook draws it, from numpy's legacy stream
/// (np.random.seed(seed), randn for the jitter, permutation for the order): with seed 42 these
/// are the notebook's 300 points, to the last bit or two. n_samples must be even.
Dataset notebook_spiral(const DatasetOptions& options = {});
/// A disc of class 1 (r < 1) inside a ring of class 0 (1.4 < r < 2).
Dataset circle(const DatasetOptions& options = {});
/// Uniform on [-2, 2]², kept 0.2 away from the axes; class 1 where x₁·x₂ > 0.
Dataset xor_quadrants(const DatasetOptions& options = {});
/// Two round Gaussian blobs, class 1 about (1, 1), class 0 about (-1, -1), sd 0.5.
Dataset gaussians(const DatasetOptions& options = {});

/// "spiral", "notebook_spiral", "circle", "xor" or "gaussians".
Dataset make_dataset(std::string_view kind, const DatasetOptions& options = {});

}  // namespace adagrad::data
