#include "nn/training.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "core/check.hpp"

namespace adagrad::nn {
namespace {

bool all_finite(std::span<const double> v) {
  return std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
}

}  // namespace

TrainingRun::TrainingRun(Mlp network, std::unique_ptr<optim::Optimizer> optimizer,
                         data::Dataset data, TrainOptions options)
    : network_(std::move(network)),
      optimizer_(std::move(optimizer)),
      data_(std::move(data)),
      options_(options),
      shuffle_rng_(options.shuffle_seed) {
  if (!optimizer_) fail("optimizer must not be null");
  data::validate(data_);
  if (data_.dim != network_.num_inputs())
    fail("the data set has " + std::to_string(data_.dim) + " input columns but the network has " +
         std::to_string(network_.num_inputs()) + " inputs");
  for (std::size_t k = 0; k < data_.n; ++k)
    if (data_.y[k] != 0.0 && data_.y[k] != 1.0)
      fail("y[" + std::to_string(k) + "] must be 0 or 1, got " + format_number(data_.y[k]));
  if (options_.batch_size < 0)
    fail("batch_size must be >= 0 (0 for full batch), got " + std::to_string(options_.batch_size));
  if (full_batch())
    network_.check_batch_size("batch_size must be", data_.n,
                              std::to_string(options_.batch_size) + ": the whole data set of " +
                                  std::to_string(data_.n) + " samples");
  else
    network_.check_batch_size("batch_size must be", static_cast<std::size_t>(options_.batch_size),
                              std::to_string(options_.batch_size));
  order_.resize(data_.n);
  std::iota(order_.begin(), order_.end(), 0u);
}

// Compared as long long, before any cast: 2³² + 3 cast to wasm32's size_t would be 3.
bool TrainingRun::full_batch() const {
  return options_.batch_size == 0 || options_.batch_size >= static_cast<long long>(data_.n);
}

EpochStats TrainingRun::epoch() {
  const long long index = epochs_done();
  if (diverged_at_) return {*diverged_at_, NAN, NAN, true};
  const std::size_t n = data_.n, d = data_.dim;
  const std::size_t batch = full_batch() ? n : static_cast<std::size_t>(options_.batch_size);
  if (batch < n) shuffle_rng_.shuffle(order_);
  backup_.assign(network_.params().begin(), network_.params().end());
  double loss_sum = 0, acc_sum = 0;
  for (std::size_t start = 0; start < n; start += batch) {
    const std::size_t m = std::min(batch, n - start);
    std::span<const double> x = data_.x, y = data_.y;
    if (batch < n) {  // gather the shuffled mini-batch
      batch_x_.resize(m * d);
      batch_y_.resize(m);
      for (std::size_t k = 0; k < m; ++k) {
        const std::size_t src = order_[start + k];
        std::copy_n(&data_.x[src * d], d, &batch_x_[k * d]);
        batch_y_[k] = data_.y[src];
      }
      x = batch_x_;
      y = batch_y_;
    }
    const auto e = network_.loss_and_gradient(x, y);
    if (!std::isfinite(e.loss) || !all_finite(network_.grads())) break;
    optimizer_->step(network_.params(), network_.grads());
    if (!all_finite(network_.params())) break;
    loss_sum += e.loss * static_cast<double>(m);
    acc_sum += e.accuracy * static_cast<double>(m);
    // Each batch's loss finite, their sum need not be (losses near 1e308 after a huge lr): an
    // epoch's loss of inf is divergence too.
    if (!std::isfinite(loss_sum)) break;
    if (start + m == n) {  // the whole epoch went through
      losses_.push_back(loss_sum / static_cast<double>(n));
      accuracies_.push_back(acc_sum / static_cast<double>(n));
      return {index, losses_.back(), accuracies_.back(), false};
    }
  }
  // A non-finite value: keep the weights from before this epoch and say so.
  network_.set_params(backup_);
  diverged_at_ = index;
  return {index, NAN, NAN, true};
}

EpochStats TrainingRun::epochs(long long count) {
  require_count("count", count);
  if (count > kMaxEpochsPerCall)
    fail("count must be at most " + std::to_string(kMaxEpochsPerCall) + " epochs per call, got " +
         std::to_string(count));
  EpochStats last{};
  for (long long i = 0; i < count; ++i) {
    last = epoch();
    if (last.diverged) break;
  }
  return last;
}

void TrainingRun::restart(std::span<const double> params) {
  network_.set_params(params);
  optimizer_->reset();
  shuffle_rng_ = data::Rng(options_.shuffle_seed);
  std::iota(order_.begin(), order_.end(), 0u);
  losses_.clear();
  accuracies_.clear();
  diverged_at_.reset();
}

void TrainingRun::restart_from_seed(std::uint64_t seed) {
  network_.init_params(seed);
  std::vector<double> fresh(network_.params().begin(), network_.params().end());
  restart(fresh);
}

}  // namespace adagrad::nn
