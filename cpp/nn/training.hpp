// One training run: a network, its optimizer and its data, stepped an epoch at a time in the
// notebook's order (forward, loss, accuracy, backward, update). A run that produces a
// non-finite loss, gradient or weight stops there and reports the epoch; it never goes on.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "data/dataset.hpp"
#include "data/rng.hpp"
#include "nn/mlp.hpp"
#include "optim/optimizer.hpp"

namespace adagrad::nn {

struct TrainOptions {
  /// 0, or at least the number of samples: full batch; otherwise samples per mini-batch. The
  /// batch that results must fit the network (Mlp::max_batch(): 8192 for a 4096-wide layer).
  long long batch_size = 0;
  std::uint64_t shuffle_seed = 0;  ///< order of the mini-batches
};

struct EpochStats {
  long long epoch;   ///< 0-based index of the epoch these numbers were measured in
  double loss;       ///< mean loss over the epoch's batches, measured before each update
  double accuracy;   ///< likewise
  bool diverged;     ///< the epoch hit a non-finite value; weights are those before it
};

/// The most epochs one call to epochs() runs (a caller wanting more calls again): a call of 2⁵³
/// epochs would never return.
inline constexpr long long kMaxEpochsPerCall = 1'000'000;

class TrainingRun {
 public:
  /// The data must have as many columns as the network has inputs, and 0/1 labels.
  TrainingRun(Mlp network, std::unique_ptr<optim::Optimizer> optimizer, data::Dataset data,
              TrainOptions options = {});

  /// One epoch; after divergence returns the diverged stats again without stepping.
  EpochStats epoch();
  /// `count` epochs (1 … kMaxEpochsPerCall), stopping early at divergence; returns the last epoch's stats.
  EpochStats epochs(long long count);

  /// Epochs completed (the diverged one not counted).
  long long epochs_done() const { return static_cast<long long>(losses_.size()); }
  /// The epoch at which a non-finite value appeared, if any.
  std::optional<long long> diverged_at() const { return diverged_at_; }
  const std::vector<double>& losses() const { return losses_; }
  const std::vector<double>& accuracies() const { return accuracies_; }

  Mlp& network() { return network_; }
  const data::Dataset& data() const { return data_; }
  optim::Optimizer& optimizer() { return *optimizer_; }

  /// Back to epoch 0 with the given weights (or freshly seeded ones) and a fresh optimizer state.
  void restart(std::span<const double> params);
  void restart_from_seed(std::uint64_t seed);

 private:
  bool full_batch() const;

  Mlp network_;
  std::unique_ptr<optim::Optimizer> optimizer_;
  data::Dataset data_;
  TrainOptions options_;
  data::Rng shuffle_rng_;
  std::vector<std::uint32_t> order_;
  std::vector<double> batch_x_, batch_y_, backup_;
  std::vector<double> losses_, accuracies_;
  std::optional<long long> diverged_at_;
};

}  // namespace adagrad::nn
